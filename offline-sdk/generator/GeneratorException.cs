namespace OfflineSdkGenerator;

/// <summary>The listing cannot be turned into code as it stands; the message says why.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
