namespace Corridors.Tests.Fuzz;

/// <summary>The fuzz harness's own checks flag what they should (a harness that passes everything proves nothing).</summary>
public sealed class FuzzCheckTests
{
    private static readonly string[] Args = ["route", "--json"];

    [Theory]
    [InlineData(3, "", "error: unexpected failure: boom\nRun again with --verbose for the stack trace.\n", "exit 3")]
    [InlineData(134, "", "Unhandled exception. System.InvalidOperationException: x\n   at Foo()\n", "exit 134")]
    [InlineData(1, "", "error: --year: x\n   at Corridors.Cli.Run()\n", "a stack trace or exception")]
    [InlineData(2, "", "data/legs.csv: error CORR0107: unlocated\n", "neither a message nor a located diagnostic")]
    [InlineData(2, "", "data/legs.csv(3,1): error CORR0107: first line\nsecond line of the same message\n", "neither a message nor a located diagnostic")]
    [InlineData(2, "", "error: the input data has 1 error(s) and 0 warning(s).\n", "exit 2 without a data error")]
    [InlineData(0, "{\"hours\": NaN}", "", "invalid JSON")]
    public void Check_BadRun_IsFlagged(int code, string stdout, string stderr, string expected)
    {
        FuzzTests.Check(Args, code, stdout, stderr).ShouldNotBeNull().ShouldContain(expected);
    }

    [Theory]
    [InlineData(0, "{\"routes\": []}", "")]
    [InlineData(1, "", "error: --from: 'Xain' is not a place in the network.\nRun 'corridors route --help' for usage.\n")]
    [InlineData(2, "", "data/legs.csv(3,5): error CORR0107: Leg 'x' references unknown node 'y'.\ndata/nodes.csv: error CORR0001: Required file 'nodes.csv' is missing.\nerror: the input data has 2 error(s) and 0 warning(s).\n")]
    [InlineData(0, "{}", "warn: the result was not stored in /tmp/x: it is a directory.\n")]
    public void Check_GoodRun_Passes(int code, string stdout, string stderr)
    {
        FuzzTests.Check(Args, code, stdout, stderr).ShouldBeNull();
    }
}
