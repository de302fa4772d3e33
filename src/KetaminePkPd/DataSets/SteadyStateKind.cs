namespace KetaminePkPd.DataSets;

/// <summary>NONMEM's <c>SS</c> values on a dose record.</summary>
internal enum SteadyStateKind
{
    /// <summary><c>SS 0</c>: an ordinary dose.</summary>
    None = 0,

    /// <summary><c>SS 1</c>: the state becomes the steady state of the dose repeated every <c>II</c> (everything before is discarded).</summary>
    Replace = 1,

    /// <summary><c>SS 2</c>: the steady state of the dose repeated every <c>II</c> is added to the current state.</summary>
    Add = 2,
}
