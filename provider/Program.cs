using Infra.Components;
using Pulumi.Experimental.Provider;

// The package name is given rather than derived from the assembly name (which would make it "components"), so that
// the tokens it serves are the ones the components register: private-connectivity:index:<Component>.
await ComponentProviderHost.Serve(args, typeof(VpcNetwork).Assembly, PackageInfo.Name);
