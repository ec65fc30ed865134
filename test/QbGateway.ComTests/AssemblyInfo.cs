using System.Runtime.Versioning;

// Everything here drives the Windows-only COM SDK.
[assembly: SupportedOSPlatform("windows")]

// One QuickBooks, one SDK session at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
