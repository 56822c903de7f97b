namespace Corridors.Application.Requests;

/// <summary>
/// One thing wrong with a request: the field at fault (the request property in camelCase, with an index for list
/// items, e.g. <c>avoidCountries[1]</c>) and a sentence saying what is wrong and, where it can, what would be right.
/// The CLI maps fields to its options (exit 1); the HTTP API returns them as a validation problem.
/// </summary>
/// <param name="Field">The request field.</param>
/// <param name="Message">What is wrong, as a sentence.</param>
public sealed record RequestProblem(string Field, string Message)
{
    /// <summary>The field without its list index (<c>avoidCountries[1]</c> → <c>avoidCountries</c>).</summary>
    public string BaseField => Field.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 ? Field[..i] : Field;
}

/// <summary>Either a value or every problem that prevented it (never both).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, IReadOnlyList<RequestProblem> problems)
    {
        _value = value;
        Problems = problems;
    }

    /// <summary>True when there is a value and no problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The problems (empty when valid).</summary>
    public IReadOnlyList<RequestProblem> Problems { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The outcome has problems.</exception>
    public T Value => IsValid ? _value! : throw new InvalidOperationException("The request has problems: " + string.Join("; ", Problems.Select(p => $"{p.Field}: {p.Message}")));

    /// <summary>A valid outcome.</summary>
    public static Outcome<T> Ok(T value) => new(value, []);

    /// <summary>An invalid outcome; <paramref name="problems"/> must not be empty.</summary>
    public static Outcome<T> Invalid(IReadOnlyList<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return new(default, problems);
    }

    /// <summary>An invalid outcome with one problem.</summary>
    public static Outcome<T> Invalid(string field, string message) => Invalid([new RequestProblem(field, message)]);

    /// <summary>Carries these problems over to an outcome of another type.</summary>
    public Outcome<TOther> Cast<TOther>() => IsValid
        ? throw new InvalidOperationException("Only an invalid outcome can be cast.")
        : Outcome<TOther>.Invalid(Problems);
}
