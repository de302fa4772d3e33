using KetaminePkPd.Application;
using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// DV, MDV and named covariates are carried into the prediction rows (issue 17; mrgsolve's carry_out), so each
/// prediction sits beside its observation: DV and MDV by default when the data set has them, any other column by name;
/// DV only where it is an observation; rows added by the output grid take the governing record's values with MDV 1.
/// </summary>
public sealed class CarryTests
{
    private const string Events = "ID,TIME,AMT,EVID,MDV,DV,WT\n1,0,100,1,1,.,70\n1,1,0,0,0,4700.5,70\n1,2,0,0,0,4500.25,72\n";

    private static readonly DataSetModel Model = DataSetModel.Advan(1).WithParameters([new("CL", 1), new("V", 20)]);

    private static string[] Run(string events, double? stepH = null, IReadOnlyList<string>? carry = null)
    {
        using var rows = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        DataSetRun.Write(new StringReader(events), Model, ParameterTiming.NextRecord, stepH, rows, null, "events.csv", carry: carry);
        return rows.ToString().TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Write_DataSetWithDvAndMdv_CarriesThemByDefault_DvOnlyOnObservations()
    {
        // CP by hand: 100 mg / 20 L x e^(-0.05 t) x 1000 ng/mL per mg/L.
        Assert.Equal(
        [
            "ID,TIME,EVID,CMT,CP,A1,DV,MDV",
            "1,0,1,0,5000,100,,1",
            $"1,1,0,0,{5000 * Math.Exp(-0.05):G10},{100 * Math.Exp(-0.05):G10},4700.5,0",
            $"1,2,0,0,{5000 * Math.Exp(-0.1):G10},{100 * Math.Exp(-0.1):G10},4500.25,0",
        ], Run(Events));
    }

    [Fact]
    public void Write_NamedColumnsAndAGrid_GridRowsGetTheGoverningValuesAndNoObservation()
    {
        var rows = Run(Events, stepH: 0.5, carry: ["dv", "WT", "MDV"]);
        Assert.Equal("ID,TIME,EVID,CMT,CP,A1,DV,WT,MDV", rows[0]);
        Assert.EndsWith(",,70,1", rows[2], StringComparison.Ordinal);   // t = 0.5, EVID 2: governed by the next record (NONMEM)
        Assert.EndsWith(",4700.5,70,0", rows[3], StringComparison.Ordinal);
        Assert.EndsWith(",,72,1", rows[4], StringComparison.Ordinal);   // t = 1.5: WT of the record at 2 h
    }

    [Fact]
    public void Write_NoCarry_GivesThePredictionColumnsOnly()
    {
        Assert.Equal("ID,TIME,EVID,CMT,CP,A1", Run(Events, carry: [])[0]);
        Assert.Equal("ID,TIME,EVID,CMT,CP,A1", Run("ID,TIME,AMT,EVID\n1,0,100,1\n")[0]);
    }

    [Fact]
    public void Write_WithoutMdv_DvIsAnObservationOnEvid0Only()
    {
        var rows = Run("ID,TIME,AMT,EVID,DV\n1,0,100,1,0\n1,1,0,0,4700\n");
        Assert.Equal("ID,TIME,EVID,CMT,CP,A1,DV", rows[0]);
        Assert.EndsWith(",", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",4700", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CarryingAColumnTheDataSetLacks_IsRefusedNamingIt()
    {
        var ex = Assert.Throws<DataSetFormatException>(() => Run(Events, carry: ["AGE"]));
        Assert.Equal("data set row 1, column AGE: is not a column of the data set, so it cannot be carried into the predictions; its other columns are MDV, DV, WT.", ex.Message);
    }
}
