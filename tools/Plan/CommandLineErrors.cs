using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Infra.Model.Configuration;

namespace Infra.Plan;

/// <summary>
/// The command line's mistakes as one sentence each (exit code 1), naming the closest valid option, command or
/// value when there is one close enough to be a slip.
/// </summary>
public static class CommandLineErrors
{
    /// <summary>The sentence for the first mistake of a parse that has errors.</summary>
    public static string Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.Count > 0)
        {
            var token = parsed.UnmatchedTokens[0];
            if (token.StartsWith('-') && token.Length > 1)
            {
                var option = Closest(token, OptionNames(command));
                return option is null
                    ? $"Unknown option {token} for {Name(command)} (see --help)."
                    : $"Unknown option {token} for {Name(command)}; the closest is {option} (see --help).";
            }

            var subcommand = Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            return subcommand is not null
                ? $"Unknown command {token}; the closest is {subcommand} (see --help)."
                : $"Unexpected argument {Quote(token)}: {Name(command)} takes options only{Commands(command)} (see --help).";
        }

        foreach (var error in parsed.Errors)
        {
            if (error.SymbolResult is OptionResult { Option: var option } result)
            {
                var name = result.IdentifierToken?.Value ?? option.Name;
                if (result.Tokens.Count == 0)
                {
                    return $"Option {name} needs a value{(option.HelpName is { } what ? $" ({what})" : "")}; see --help.";
                }

                if (result.Tokens.Count > 1)
                {
                    return $"Option {name} is given more than once; give it once.";
                }

                return $"{name}: {Quote(result.Tokens[0].Value)} is not a valid value (see --help).";
            }
        }

        var message = parsed.Errors.Count > 0 ? parsed.Errors[0].Message : "The command line is not valid.";
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end >= 0 ? message[..end] : message).Trim();
    }

    /// <summary>
    /// <paramref name="value"/> when it is one of <paramref name="allowed"/> (in any case); otherwise a usage error naming
    /// them all and the closest.
    /// </summary>
    /// <exception cref="PlanException">The value is not allowed.</exception>
    public static string OneOf(string option, string value, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(allowed);
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var closest = Closest(value, allowed);
        throw PlanException.Usage(
            $"{option}: {Quote(value)} is not one of {string.Join(", ", allowed)}{(closest is null ? "" : $"; the closest is {closest}")}.");
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, or null when not given.</summary>
    /// <exception cref="PlanException">The value is not such a number.</exception>
    public static int? WholeNumber(string option, string? value, int minimum, int maximum, string what)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw PlanException.Usage($"{option}: {Quote(value)} is not {what} from {minimum} to {maximum}.");
    }

    /// <summary>
    /// The candidate closest to <paramref name="value"/>, if it is close enough to be a slip: it starts with the value,
    /// or is at most a third of its letters (at least one, at most three) away, ignoring case and leading dashes; never
    /// for a single letter.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        // One letter is a slip away from every other letter: too short to guess from.
        var typed = value.TrimStart('-').ToLowerInvariant();
        if (typed.Length < 2)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var bare = candidate.TrimStart('-').ToLowerInvariant();
            var distance = bare.StartsWith(typed, StringComparison.Ordinal) ? 0 : Suggestions.EditDistance(typed, bare, transpositions: true);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Clamp(typed.Length / 3, 1, 3) ? best : null;
    }

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));

    private static string Name(Command command) => command is RootCommand ? "plan" : $"plan {command.Name}";

    private static string Commands(Command command)
    {
        var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return names.Count switch
        {
            0 => "",
            1 => $", and its one command is {names[0]}",
            _ => $", and its commands are {string.Join(", ", names)}",
        };
    }

    private static string Quote(string value) => $"'{value}'";
}
