using KetaminePkPd.DataSets;

namespace KetaminePkPd.Tests.DataSets;

/// <summary>
/// Model files and data sets refuse what they used to accept silently, and blame the right input (issue 17, class 8): a
/// key given twice, a parameter given twice through an alias, a column named twice; a bad value fixed in the model is
/// the model's, not the data set row's.
/// </summary>
public sealed class ModelFileMessagesTests
{
    [Theory]
    [InlineData("""{"model": "advan1", "model": "advan2"}""", "model file: the key \"model\" is given twice; give each once.")]
    [InlineData("""{"model": "advan1", "parameters": {"CL": 1}, "parameters": {"CL": 2}}""", "model file: the key \"parameters\" is given twice; give each once.")]
    [InlineData("""{"model": "advan1", "parameters": {"CL": 1, "cl": 2, "V": 20}}""", "model file: parameter CL is given 2 times (\"CL\", \"cl\"); give it once.")]
    [InlineData("""{"parameters": {"V": 20, "V1": 30}, "model": "advan1"}""", "model file: parameter V is given 2 times (\"V\", \"V1\"); give it once.")]
    public void FromJson_SomethingGivenTwice_IsRefusedNamingIt(string json, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => DataSetModel.FromJson(json)).Message);

    [Fact]
    public void Simulate_BadValueFixedInTheModel_BlamesTheModel_AndTheSameValueInAColumnBlamesTheRow()
    {
        var model = DataSetModel.FromJson("""{"model": "advan1", "parameters": {"CL": 1, "V": -20}}""");
        var fromModel = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.SimulateMany(model, DataSetReader.Parse("ID,TIME,AMT,EVID\n1,0,100,1\n1,1,0,0\n")).ToList());
        Assert.Equal("model parameter V (fixed in the model; the data set has no V column): V must be finite and at least 1E-06 L, got -20.", fromModel.Message);

        var fromColumn = Assert.Throws<DataSetFormatException>(() => DataSetSimulator.SimulateMany(model, DataSetReader.Parse("ID,TIME,AMT,EVID,V\n1,0,100,1,-5\n1,1,0,0,-5\n")).ToList());
        Assert.StartsWith("data set row 2, column V: V must be finite and at least 1E-06 L, got -5.", fromColumn.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID,TIME,AMT,id\n1,0,100,1\n", "id")]
    [InlineData("ID,TIME,TIME\n1,0,0\n", "TIME")]
    public void ReadSubjects_ColumnNamedTwice_NamesTheColumnNotTheWholeHeader(string csv, string column)
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse(csv));
        Assert.Equal(1, ex.Row);
        Assert.Equal($"data set row 1, column {column}: the column name is used twice (names are case-insensitive); give every column its own name.", ex.Message);
    }

    [Fact]
    public void ReadSubjects_HugeHeaderWithoutTime_QuotesAnExcerpt()
    {
        var ex = Assert.Throws<DataSetFormatException>(() => DataSetReader.Parse("ID," + new string('X', 59_000) + "\n1,0\n"));
        Assert.True(ex.Message.Length < 200, ex.Message);
    }
}
