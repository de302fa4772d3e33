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
    private readonly List<(double T, int Output, int Event)> _points = new(capacity);
    private double[] _eventStates = new double[Math.Max(1, events) * width];
    private int _events;

    /// <summary>Empties the points for another march of states of <paramref name="stateWidth"/> entries (the storage is kept).</summary>
    public void Reset(int stateWidth)
    {
        width = stateWidth;
        _points.Clear();
        _events = 0;
    }

    public int Count => _points.Count;

    public double Time(int k) => _points[k].T;

    /// <summary>The state at point k: an output row of <paramref name="outStates"/>, or a stored event state.</summary>
    public ReadOnlySpan<double> State(int k, double[] outStates)
    {
        var p = _points[k];
        return p.Output >= 0 ? outStates.AsSpan(p.Output * width, width) : _eventStates.AsSpan(p.Event * width, width);
    }

    public void AddOutput(double t, int row)
    {
        DropSameInstant(t);
        _points.Add((t, row, -1));
    }

    public void AddState(double t, ReadOnlySpan<double> state)
    {
        DropSameInstant(t);
        if ((_events + 1) * width > _eventStates.Length) Array.Resize(ref _eventStates, 2 * (_events + 1) * width);
        state.CopyTo(_eventStates.AsSpan(_events * width));
        _points.Add((t, -1, _events++));
    }

    /// <summary>The same instant again (after events): the later state replaces the earlier.</summary>
    private void DropSameInstant(double t)
    {
        if (_points.Count > 0 && t <= _points[^1].T + 1e-9) _points.RemoveAt(_points.Count - 1);
    }
}
