using ComplaintCloud.Plugins.Testing;

namespace Contoso.Policies.Sample.Tests;

// The conformance kit: what the host requires of every plugin. Add your own rule tests beside it.
public sealed class SamplePluginShould() : PolicyConformanceTests(new SamplePolicy());
