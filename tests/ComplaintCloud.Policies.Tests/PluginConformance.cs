using ComplaintCloud.Plugins.Testing;
using ComplaintCloud.Policies.GasStation;
using ComplaintCloud.Policies.GeneralEnterprise;
using ComplaintCloud.Policies.Winery;

namespace ComplaintCloud.Policies.Tests;

// Each built-in plugin passes the same conformance kit third-party authors get.
public sealed class GeneralEnterprisePluginShould() : PolicyConformanceTests(new GeneralEnterprisePolicy());

public sealed class WineryPluginShould() : PolicyConformanceTests(new WineryPolicy());

public sealed class GasStationPluginShould() : PolicyConformanceTests(new GasStationPolicy());
