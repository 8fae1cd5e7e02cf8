// Mocked Pulumi runs share process-wide state, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
