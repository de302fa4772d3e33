namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// A number held by a record either as given or as a computation run on first read (and kept), compared and hashed by its value
/// either way: the record's generated equality, hash and <c>with</c> copies behave as with a plain double field. For a value that is
/// costly and seldom read (a terminal half-life needs an eigen-decomposition), so that it is computed only when asked for.
/// </summary>
internal readonly struct DeferredValue : IEquatable<DeferredValue>
{
    private readonly double _value;
    private readonly Source? _source;

    /// <summary>The value <paramref name="value"/>.</summary>
    public DeferredValue(double value) => _value = value;

    /// <summary>The value <paramref name="compute"/> returns, computed on the first read.</summary>
    public DeferredValue(Func<double> compute) => _source = new Source(compute);

    /// <summary>The value (computed now if it is the first read; a computation that throws throws here, at every read).</summary>
    public double Value => _source is null ? _value : _source.Value;

    /// <summary>Compared as <see cref="double.Equals(double)"/> compares, as a record compares a double field (NaN equals NaN).</summary>
    public bool Equals(DeferredValue other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is DeferredValue other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The computation and its result once run. Two threads reading first both compute (a deterministic function: the same
    /// bits) and either result is kept; the flag is written after the value, so a reader that sees it set reads the value.</summary>
    private sealed class Source(Func<double> compute)
    {
        private double _value;
        private volatile bool _done;

        public double Value
        {
            get
            {
                if (_done) return _value;
                _value = compute();
                _done = true;
                return _value;
            }
        }
    }
}
