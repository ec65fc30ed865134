using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Sessions.Tracing;
using QbConnector.QbGateway.Tests.Sessions.Tracing;

namespace QbConnector.QbGateway.Tests.Sessions.Com;

public class QbSessionFactoryTests
{
    [Fact]
    public void Auto_picks_com_only_where_the_sdk_is_registered()
    {
        QbSessionFactory.Resolve(QbBackend.Auto, () => true).Should().Be(QbBackend.Com);
        QbSessionFactory.Resolve(QbBackend.Auto, () => false).Should().Be(QbBackend.Sandbox);
        QbSessionFactory.Resolve(QbBackend.Sandbox, () => true).Should().Be(QbBackend.Sandbox);
        QbSessionFactory.Resolve(QbBackend.Com, () => false).Should().Be(QbBackend.Com);
    }

    [Fact]
    public void Without_the_sdk_auto_gives_the_sandbox_from_the_callers_factory()
    {
        if (QbSessionFactory.ComAvailable())
        {
            return;
        }

        var sandbox = new TracingQbSessionTests.EchoSession();
        QbSessionFactory.Create(QbBackend.Auto, () => sandbox).Should().BeSameAs(sandbox);
        var dir = Path.Combine(Path.GetTempPath(), "qbtrace-" + Guid.NewGuid().ToString("N"));
        try
        {
            QbSessionFactory.Create(QbBackend.Sandbox, () => sandbox, new QbTraceOptions { Directory = dir }).Should().BeOfType<TracingQbSession>();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Sandbox_without_a_factory_is_a_clear_error()
    {
        var act = () => QbSessionFactory.Create(QbBackend.Sandbox, null);
        act.Should().Throw<InvalidOperationException>().WithMessage("*sandbox factory*");
    }

    [Fact]
    public void Com_where_it_is_missing_is_the_sdk_not_installed_error()
    {
        if (QbSessionFactory.ComAvailable())
        {
            return;
        }

        var act = () => QbSessionFactory.Create(QbBackend.Com, null);
        act.Should().Throw<QbSdkException>().Which.HResultHex.Should().Be("0x80040405");
    }
}
