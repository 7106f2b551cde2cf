/// Every builtin library, in the order they are installed into the registry. Each domain
/// (core, math, vectors, data, calculus, distributions, information, losses, optimisation,
/// coding, plots) declares its builtins in a file of its own.
extension BuiltinRegistry {
    static var libraries: [(BuiltinRegistry) -> Void] { [
        installCore,
        installMath,
        installVectors,
        installData,
        installCalculus,
        installLosses,
        installDistributions,
        installInformation,
        installOptimizers,
        installFitting,
        installCoding,
        installPlots,
    ] }
}
