using System.Runtime.CompilerServices;

namespace Imi.Tests.Support;

internal static class TestAssemblySetup
{
    /// <summary>
    /// Test classes run in parallel, and some wait synchronously (bUnit's WaitForAssertion) while
    /// the portals under test serve browsers from the same process: on two cores the thread pool
    /// would start with two threads and grow slowly, starving Kestrel. Start it larger.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => ThreadPool.SetMinThreads(64, 64);
}
