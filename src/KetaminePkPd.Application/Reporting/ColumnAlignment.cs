using KetaminePkPd.Application;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Evidence;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Statistics;
using KetaminePkPd.Strengths;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Application.Reporting;

/// <summary>How the cells of a <see cref="ReportColumn"/> are aligned: text left, numbers right.</summary>
public enum ColumnAlignment
{
    /// <summary>Left-aligned (names, words).</summary>
    Left,

    /// <summary>Right-aligned (numbers, intervals).</summary>
    Right,
}
