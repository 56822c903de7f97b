namespace Corridors.Tests;

/// <summary><c>serve</c> refuses to listen beyond loopback unless told to (it would block if it started).</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://127.0.0.1:5080;http://*:5081")]
    [InlineData("http://192.0.2.10:5080")]
    public void Serve_beyond_loopback_without_allow_remote_is_a_usage_error(string urls)
    {
        var (code, stdout, stderr) = CliRunner.Run("serve", "--urls", urls);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("error: --urls:");
        stderr.ShouldContain("--allow-remote");
    }
}
