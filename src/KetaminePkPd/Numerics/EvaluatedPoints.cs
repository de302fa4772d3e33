namespace KetaminePkPd.Numerics;

/// <summary>
/// The times at which a simulation knows its state exactly, in order: every output time and every event time (just
/// after the event). Between two consecutive points no event happens, so the solution is smooth there; Cmax is
/// searched on that basis. Output states are not copied: a point refers to its output row.
/// </summary>
/// <param name="width">Entries per state.</param>
/// <param name="capacity">Points expected (outputs and events).</param>
/// <param name="events">Points expected that are not outputs (their states are stored here; more are made room for).</param>
internal sealed class EvaluatedPoints(int width, int capacity, int events)
{
    // An array and a count rather than a List: a march adds a point per output, and the list's checks cost as much as the copy.
    private (double T, int Output, int Event)[] _points = new (double, int, int)[Math.Max(1, capacity)];
    private int _count;
    private double[] _eventStates = new double[Math.Max(1, events) * width];
    private int _events;

    /// <summary>Empties the points for another march of states of <paramref name="stateWidth"/> entries (the storage is kept).</summary>
    public void Reset(int stateWidth)
    {
        width = stateWidth;
        _count = 0;
        _events = 0;
    }

    public int Count => _count;

    public double Time(int k) => Point(k).T;

    /// <summary>The state at point k: an output row of <paramref name="outStates"/>, or a stored event state.</summary>
    public ReadOnlySpan<double> State(int k, double[] outStates)
    {
        var p = Point(k);
        return p.Output >= 0 ? outStates.AsSpan(p.Output * width, width) : _eventStates.AsSpan(p.Event * width, width);
    }

    private (double T, int Output, int Event) Point(int k) =>
        (uint)k < (uint)_count ? _points[k] : throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [0, {_count}).");

    /// <summary>(time, value) of the largest entry <paramref name="c"/> over the points' states, the first point where it occurs (minus
    /// infinity at time 0 when there are none or all are NaN): a search's starting value, read without a span per point.</summary>
    public (double T, double Value) Maximum(int c, double[] outStates)
    {
        if ((uint)c >= (uint)width) throw new ArgumentOutOfRangeException(nameof(c), c, $"c must be in [0, {width}).");
        double max = double.NegativeInfinity, tMax = 0;
        for (int p = 0; p < _count; p++)
        {
            var (t, output, e) = _points[p];
            double v = output >= 0 ? outStates[output * width + c] : _eventStates[e * width + c];
            if (v > max) { max = v; tMax = t; }
        }
        return (tMax, max);
    }

    public void AddOutput(double t, int row)
    {
        DropSameInstant(t);
        Add((t, row, -1));
    }

    public void AddState(double t, ReadOnlySpan<double> state)
    {
        DropSameInstant(t);
        if ((_events + 1) * width > _eventStates.Length) Array.Resize(ref _eventStates, 2 * (_events + 1) * width);
        state.CopyTo(_eventStates.AsSpan(_events * width));
        Add((t, -1, _events++));
    }

    private void Add((double T, int Output, int Event) point)
    {
        if (_count == _points.Length) Array.Resize(ref _points, 2 * _count);
        _points[_count++] = point;
    }

    /// <summary>The same instant again (after events): the later state replaces the earlier.</summary>
    private void DropSameInstant(double t)
    {
        if (_count > 0 && t <= _points[_count - 1].T + 1e-9) _count--;
    }
}
