
namespace KetaminePkPd.Trials;

/// <summary>
/// What a trial's summaries (<see cref="ArmSummary"/>, <see cref="AssociationSummary"/>) and its scatter figure need of each
/// patient, in flat arrays: the arm, the rated CADSS and peak CADSS, the exposure at the CADSS time, the dose, and per
/// assessment the % change and the responder and remitter flags. <see cref="BytesPerPatient"/> bytes each (76 for four
/// assessments), so a trial that streams its patient rows keeps tens of MB for a million patients instead of the records.
/// </summary>
/// <remarks>Each patient's values are written by the one thread that simulates it and read after every patient is done.</remarks>
internal sealed class TrialColumns
{
    /// <summary>Columns for <paramref name="subjects"/> patients and <paramref name="assessments"/> assessments.</summary>
    public TrialColumns(int subjects, int assessments)
    {
        Count = subjects;
        Arm = new int[subjects];
        Cadss = new double[subjects];
        CadssPeak = new double[subjects];
        Exposure = new double[subjects];
        Dose = new double[subjects];
        PercentChange = new double[assessments][];
        Responder = new bool[assessments][];
        Remitter = new bool[assessments][];
        for (int k = 0; k < assessments; k++)
        {
            PercentChange[k] = new double[subjects];
            Responder[k] = new bool[subjects];
            Remitter[k] = new bool[subjects];
        }
    }

    /// <summary>Bytes kept per patient for <paramref name="assessments"/> assessments.</summary>
    public static int BytesPerPatient(int assessments) => 4 + 4 * 8 + assessments * (8 + 1 + 1);

    /// <summary>Patients.</summary>
    public int Count { get; }

    public int[] Arm { get; }

    /// <summary>Rated CADSS at the CADSS time.</summary>
    public double[] Cadss { get; }

    /// <summary>Rated peak CADSS.</summary>
    public double[] CadssPeak { get; }

    /// <summary>Plasma concentration at the CADSS time, ng/mL.</summary>
    public double[] Exposure { get; }

    /// <summary>Dose per session, mg.</summary>
    public double[] Dose { get; }

    /// <summary>% change from baseline per assessment, then per patient.</summary>
    public double[][] PercentChange { get; }

    public bool[][] Responder { get; }

    public bool[][] Remitter { get; }

    /// <summary>Keeps patient <paramref name="i"/>'s values.</summary>
    public void Set(int i, TrialSubjectResult s)
    {
        Arm[i] = s.Simulated.Arm;
        Cadss[i] = s.CadssRated;
        CadssPeak[i] = s.CadssPeakRated;
        Exposure[i] = s.Simulated.ConcentrationAtCadssNgPerMl;
        Dose[i] = s.Simulated.DoseMg;
        for (int k = 0; k < PercentChange.Length; k++)
        {
            PercentChange[k][i] = s.PercentChanges[k];
            Responder[k][i] = s.Responders[k];
            Remitter[k][i] = s.Remitters[k];
        }
    }
}
