import Testing
@testable import KLSOptim

/// The message `validate()` throws, or nil when the spec is valid.
private func validationMessage(_ spec: OptimizerSpec) -> String? {
    do {
        try spec.validate()
        return nil
    } catch {
        return error.message
    }
}

// Conditions are torch's (torch/optim/{sgd,adagrad,rmsprop,adam}.py `__init__`) and the
// AdaBound reference's; the messages are kls's.
@Test func validationMessagesNameParameterAndValue() {
    #expect(validationMessage(.adam(AdamOptions(lr: -1))) == "Adam: 'lr' must be >= 0 (got -1)")
    #expect(validationMessage(.adam(.adamW(eps: -1e-8))) == "AdamW: 'eps' must be >= 0 (got -1e-08)")
    #expect(validationMessage(.adam(AdamOptions(betas: (1, 0.999)))) == "Adam: 'betas[0]' must be in [0, 1) (got 1)")
    #expect(validationMessage(.adam(AdamOptions(betas: (0.9, -0.5)))) == "Adam: 'betas[1]' must be in [0, 1) (got -0.5)")
    #expect(validationMessage(.adam(AdamOptions(weightDecay: -0.1))) == "Adam: 'weight_decay' must be >= 0 (got -0.1)")
    #expect(validationMessage(.sgd(SGDOptions(lr: .nan))) == "SGD: 'lr' must be >= 0 (got nan)")
    #expect(validationMessage(.sgd(SGDOptions(momentum: -0.9))) == "SGD: 'momentum' must be >= 0 (got -0.9)")
    #expect(validationMessage(.sgd(SGDOptions(weightDecay: -1))) == "SGD: 'weight_decay' must be >= 0 (got -1)")
    #expect(validationMessage(.sgd(SGDOptions(lr: 0.1, nesterov: true)))
        == "SGD: 'nesterov' requires 'momentum' > 0 and 'dampening' = 0 (got momentum=0, dampening=0)")
    #expect(validationMessage(.sgd(SGDOptions(lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)))
        == "SGD: 'nesterov' requires 'momentum' > 0 and 'dampening' = 0 (got momentum=0.9, dampening=0.1)")
    #expect(validationMessage(.adagrad(AdagradOptions(lrDecay: -1))) == "Adagrad: 'lr_decay' must be >= 0 (got -1)")
    #expect(validationMessage(.adagrad(AdagradOptions(initialAccumulatorValue: -2)))
        == "Adagrad: 'initial_accumulator_value' must be >= 0 (got -2)")
    #expect(validationMessage(.rmsprop(RMSpropOptions(alpha: -0.5))) == "RMSprop: 'alpha' must be >= 0 (got -0.5)")
    #expect(validationMessage(.rmsprop(RMSpropOptions(momentum: -1))) == "RMSprop: 'momentum' must be >= 0 (got -1)")
    #expect(validationMessage(.adaBound(AdaBoundOptions(lr: 0))) == "AdaBound: 'lr' must be > 0 (got 0)")
    #expect(validationMessage(.adaBound(.adaBoundW(finalLR: -0.1))) == "AdaBoundW: 'final_lr' must be >= 0 (got -0.1)")
    #expect(validationMessage(.adaBound(AdaBoundOptions(gamma: 1))) == "AdaBound: 'gamma' must be in [0, 1) (got 1)")
    #expect(validationMessage(.naturalGradient(NaturalGradientOptions(lr: -.infinity)))
        == "NaturalGradient: 'lr' must be >= 0 (got -inf)")
}

@Test func boundaryValuesAreValid() {
    // torch accepts lr = 0, beta = 0, alpha > 1 and momentum with nesterov and zero dampening.
    #expect(validationMessage(.adam(AdamOptions(lr: 0, betas: (0, 0)))) == nil)
    #expect(validationMessage(.rmsprop(RMSpropOptions(alpha: 1.5))) == nil)
    #expect(validationMessage(.sgd(SGDOptions(momentum: 0.9, nesterov: true))) == nil)
    #expect(validationMessage(.adaBound(AdaBoundOptions(gamma: 0))) == nil)
}

@Test func defaultsAreTorchs() {
    // torch.optim defaults (torch 2.15 signatures) and the AdaBound reference's.
    #expect(SGDOptions() == SGDOptions(lr: 1e-3, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0))
    #expect(AdagradOptions() == AdagradOptions(lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10))
    #expect(RMSpropOptions() == RMSpropOptions(lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false))
    #expect(AdamOptions() == AdamOptions(lr: 1e-3, betas: (0.9, 0.999), eps: 1e-8, weightDecay: 0, amsgrad: false))
    let adamW = AdamOptions.adamW()
    #expect(adamW.weightDecay == 0.01 && adamW.decoupledWeightDecay && adamW.lr == 1e-3)
    let adaBound = AdaBoundOptions()
    #expect(adaBound.lr == 1e-3 && adaBound.finalLR == 0.1 && adaBound.gamma == 1e-3 && adaBound.eps == 1e-8)
    #expect(adaBound.beta1 == 0.9 && adaBound.beta2 == 0.999 && adaBound.weightDecay == 0 && !adaBound.amsbound)
}

@Test func specNamesAndMaximizeFlag() {
    var spec = OptimizerSpec.adam(.adamW())
    #expect(spec.name == "AdamW")
    #expect(!spec.maximize)
    spec.maximize = true
    #expect(spec == .adam(.adamW(maximize: true)))
    #expect(OptimizerSpec.adaBound(.adaBoundW()).name == "AdaBoundW")
    #expect(OptimizerSpec.naturalGradient(NaturalGradientOptions(lr: 1)).needsFisher)
    #expect(!OptimizerSpec.sgd(SGDOptions()).needsFisher)
}

@Test func numbersFormatAsKlsPrintsThem() {
    #expect(formatNumber(-1) == "-1")
    #expect(formatNumber(1000) == "1000")
    #expect(formatNumber(0.5) == "0.5")
    #expect(formatNumber(1e-5) == "1e-05")
    #expect(formatNumber(1e16) == "1e+16")
    #expect(formatNumber(.infinity) == "inf")
}
