namespace Pulumi;

/// <summary>Base of every class whose <see cref="InputAttribute"/> members are sent to the engine.</summary>
public abstract class InputArgs
{
    protected InputArgs()
    {
    }
}

/// <summary>Arguments of a resource or of a nested input object.</summary>
public abstract class ResourceArgs : InputArgs
{
    public static readonly ResourceArgs Empty = new EmptyResourceArgs();

    protected ResourceArgs()
    {
    }

    private sealed class EmptyResourceArgs : ResourceArgs
    {
    }
}

/// <summary>Arguments of a provider function (invoke).</summary>
public abstract class InvokeArgs : InputArgs
{
    public static readonly InvokeArgs Empty = new EmptyInvokeArgs();

    protected InvokeArgs()
    {
    }

    private sealed class EmptyInvokeArgs : InvokeArgs
    {
    }
}

/// <summary>Arguments of a provider method call on a resource.</summary>
public abstract class CallArgs : InputArgs
{
    public static readonly CallArgs Empty = new EmptyCallArgs();

    protected CallArgs()
    {
    }

    private sealed class EmptyCallArgs : CallArgs
    {
    }
}
