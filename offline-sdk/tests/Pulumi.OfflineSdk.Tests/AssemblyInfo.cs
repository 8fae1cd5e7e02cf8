// Mocked runs read process-wide state (the PULUMI_CONFIG environment variable), as in the real SDK: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
