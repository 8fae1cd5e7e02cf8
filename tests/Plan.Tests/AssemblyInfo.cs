// Mocked Pulumi runs share process-wide state (the PULUMI_CONFIG environment variable, as in the real SDK), so they
// run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
