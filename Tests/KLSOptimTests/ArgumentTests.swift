import Testing
@testable import KLSOptim

/// The message a call `name(positional…, keywords…)` throws, or nil.
private func callError(
    _ name: String, _ positional: [OptimizerArgument] = [], _ keywords: [(name: String, value: OptimizerArgument)] = []
) -> String? {
    do {
        _ = try OptimizerSpec(name: name, positional: positional, keywords: keywords)
        return nil
    } catch {
        return error.message
    }
}

@Test func callsBindPositionalAndKeywordArguments() throws {
    #expect(try OptimizerSpec(name: "SGD", positional: [.number(0.01), .number(0.9)], keywords: [("nesterov", .boolean(true))])
        == .sgd(SGDOptions(lr: 0.01, momentum: 0.9, nesterov: true)))
    #expect(try OptimizerSpec(name: "Adam", keywords: [("betas", .vector([0.8, 0.99])), ("amsgrad", .boolean(true))])
        == .adam(AdamOptions(betas: (0.8, 0.99), amsgrad: true)))
    #expect(try OptimizerSpec(name: "AdamW") == .adam(.adamW()))
    #expect(try OptimizerSpec(name: "AdamW", keywords: [("weight_decay", .number(0))]) == .adam(.adamW(weightDecay: 0)))
    #expect(try OptimizerSpec(name: "Adagrad", keywords: [("initial_accumulator_value", .number(0.1))])
        == .adagrad(AdagradOptions(initialAccumulatorValue: 0.1)))
    #expect(try OptimizerSpec(name: "RMSprop", positional: [.number(0.02)], keywords: [("centered", .boolean(true))])
        == .rmsprop(RMSpropOptions(lr: 0.02, centered: true)))
    #expect(try OptimizerSpec(name: "AdaBoundW", keywords: [("final_lr", .number(0.05)), ("amsbound", .boolean(true))])
        == .adaBound(.adaBoundW(finalLR: 0.05, amsbound: true)))
    #expect(try OptimizerSpec(name: "NaturalGradient", positional: [.number(0.5)], keywords: [("maximize", .boolean(true))])
        == .naturalGradient(NaturalGradientOptions(lr: 0.5, maximize: true)))
}

@Test func callErrorsAreUserFacing() {
    #expect(callError("Adamm") == "unknown optimiser 'Adamm' (expected one of SGD, Adagrad, RMSprop, Adam, AdamW, AdaBound, AdaBoundW, NaturalGradient)")
    #expect(callError("Adam", [], [("lr", .number(-1))]) == "Adam: 'lr' must be >= 0 (got -1)")
    #expect(callError("Adam", [], [("beta", .number(0.9))])
        == "Adam: unknown argument 'beta' (expected lr, betas, eps, weight_decay, amsgrad, maximize)")
    #expect(callError("Adam", [.number(0.1)], [("lr", .number(0.2))]) == "Adam: 'lr' given twice")
    #expect(callError("Adam", [], [("betas", .vector([0.9]))]) == "Adam: 'betas' must be a vector of 2 numbers (got [0.9])")
    #expect(callError("Adam", [], [("amsgrad", .number(1))]) == "Adam: 'amsgrad' must be true or false (got 1)")
    #expect(callError("SGD", [], [("lr", .boolean(true))]) == "SGD: 'lr' must be a number (got true)")
    #expect(callError("NaturalGradient") == "NaturalGradient: missing argument 'lr'")
    #expect(callError("NaturalGradient", [.number(1), .number(2)]) == "NaturalGradient: takes at most 1 positional arguments (got 2)")
    #expect(callError("SGD", [.number(0.1)], [("nesterov", .boolean(true))])
        == "SGD: 'nesterov' requires 'momentum' > 0 and 'dampening' = 0 (got momentum=0, dampening=0)")
}

@Test func parameterNamesFollowTheContract() {
    #expect(OptimizerSpec.parameterNames(of: "SGD") == ["lr", "momentum", "dampening", "nesterov", "weight_decay"])
    #expect(OptimizerSpec.parameterNames(of: "AdaBound") == ["lr", "betas", "final_lr", "gamma", "eps", "weight_decay", "amsbound"])
    #expect(OptimizerSpec.parameterNames(of: "Nope") == nil)
    #expect(OptimizerSpec.names.allSatisfy { OptimizerSpec.parameterNames(of: $0) != nil })
}

/// Each default is written once (the options' initialisers); the usage `:help` shows and the
/// binding of omitted arguments read it. Defaults as torch 2.x documents them
/// (torch.optim.SGD/Adagrad/RMSprop/Adam/AdamW) and AdaBound's reference code.
@Test func defaultsAreReadFromTheOptions() throws {
    #expect(OptimizerSpec.usage(of: "SGD") == "SGD(lr=0.001, momentum=0, dampening=0, nesterov=false, weight_decay=0)")
    #expect(OptimizerSpec.usage(of: "Adagrad")
        == "Adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)")
    #expect(OptimizerSpec.usage(of: "RMSprop")
        == "RMSprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=false)")
    #expect(OptimizerSpec.usage(of: "Adam") == "Adam(lr=0.001, betas=[0.9, 0.999], eps=1e-8, weight_decay=0, amsgrad=false)")
    #expect(OptimizerSpec.usage(of: "AdamW") == "AdamW(lr=0.001, betas=[0.9, 0.999], eps=1e-8, weight_decay=0.01, amsgrad=false)")
    #expect(OptimizerSpec.usage(of: "AdaBound")
        == "AdaBound(lr=0.001, betas=[0.9, 0.999], final_lr=0.1, gamma=0.001, eps=1e-8, weight_decay=0, amsbound=false)")
    #expect(OptimizerSpec.usage(of: "NaturalGradient") == "NaturalGradient(lr)")
    #expect(try OptimizerSpec(name: "SGD") == .sgd(SGDOptions()))
    #expect(try OptimizerSpec(name: "Adagrad") == .adagrad(AdagradOptions()))
    #expect(try OptimizerSpec(name: "RMSprop") == .rmsprop(RMSpropOptions()))
    #expect(try OptimizerSpec(name: "Adam") == .adam(AdamOptions()))
    #expect(try OptimizerSpec(name: "AdaBound") == .adaBound(AdaBoundOptions()))
    #expect(callError("NaturalGradient") == "NaturalGradient: missing argument 'lr'")
}
