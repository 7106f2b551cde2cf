import Testing
import KLSNumerics
import KLSRuntime

/// Fits whose parameters are arrays against torch's loop on the same model: a logistic
/// regression (w a vector, b a number) and a softmax regression (W a 2×3 matrix, c a vector),
/// 50 steps of each optimiser. Figures from `Language/fit_arrays_torch.py` (torch 2.13 CPU,
/// float64): the last loss and the final parameters.
struct FitArrayTorchTests {
    static let data = """
        X = [[0.5, 1.0], [1.5, -0.5], [-1.0, 2.0], [2.0, 0.5], [-0.5, -1.5], [1.0, 1.0]]
        y = [1, 0, 1, 0, 0, 1]
        labels = [0, 1, 2, 1, 0, 2]
        """

    struct Case: Sendable, CustomTestStringConvertible {
        let optimizer: String
        let logisticLoss: Double, w: [Double], b: Double
        let softmaxLoss: Double, W: [Double], c: [Double]
        var testDescription: String { optimizer }
    }

    static let cases: [Case] = [
        Case(optimizer: "SGD(lr=0.1, momentum=0.9, nesterov=true)",
             logisticLoss: 0.0453096336883444, w: [-2.2258579098737714, 4.201903162208849], b: 0.14988547476451225,
             softmaxLoss: 0.2757787023938374,
             W: [-1.6223009630140597, 2.4915893529142408, -0.9692883899001823, -0.3224775695491559, -1.8370819243146497, 2.3595594938638063],
             c: [2.163161199719693, -1.6163662179634388, -0.5467949817562543]),
        Case(optimizer: "Adam(lr=0.05)",
             logisticLoss: 0.15858629921888379, w: [-1.3677184295365254, 1.9583568575877721], b: 0.4323586602215191,
             softmaxLoss: 0.33813579506313113,
             W: [-1.6858750685364792, 1.3777948427411622, -1.2242052820847782, -0.7265781760237886, -1.465285324285259, 1.2933305619316617],
             c: [1.2885795802884679, -1.651712370134727, -0.6183698182896956]),
        Case(optimizer: "AdamW(lr=0.05, amsgrad=true)",
             logisticLoss: 0.16102340057382225, w: [-1.3517082746079174, 1.9355777582030953], b: 0.4243674059761319,
             softmaxLoss: 0.34046430048481224,
             W: [-1.6657029969806891, 1.3639066937107307, -1.2106422398246917, -0.7217786527590891, -1.4488319770165035, 1.2785495304964904],
             c: [1.271221307807867, -1.6303072566500287, -0.60932398299886]),
        Case(optimizer: "RMSprop(lr=0.01, centered=true, momentum=0.5)",
             logisticLoss: 0.15628390727904326, w: [-1.375113411358705, 1.9744286095292694], b: 0.4337165521503467,
             softmaxLoss: 0.3481775872256534,
             W: [-1.5952132891009072, 1.3152738480055717, -1.2278004102709499, -0.715169891513626, -1.3764635466143689, 1.2269336651058598],
             c: [1.1180944218499766, -1.6721622600341368, -0.6476771709349546]),
        Case(optimizer: "Adagrad(lr=0.1, weight_decay=0.01)",
             logisticLoss: 0.2965184794621436, w: [-0.7844905450481814, 1.0455620730910031], b: 0.16298219751201662,
             softmaxLoss: 0.5078897131011595,
             W: [-0.8535748151226723, 0.6895534782586201, -0.7438980218715847, -0.5971906812756188, -0.6029438993084925, 0.7027543586350743],
             c: [0.6561424732239493, -0.6414158131825691, -0.19696245122970923]),
    ]

    /// The numbers of a value (a number, an array, or a list of them), flattened.
    func numbers(_ v: Value?) -> [Double] {
        switch v {
        case .number(let x)?: return [x]
        case .tensor(let t)?: return t.data
        case .list(let items)?: return items.flatMap { numbers($0) }
        default: return []
        }
    }

    func expectClose(_ got: [Double], _ want: [Double], _ what: String) {
        #expect(got.count == want.count && zip(got, want).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) },
                "\(what): \(got) vs torch \(want)")
    }

    @Test(arguments: cases)
    func logisticRegression(_ c: Case) {
        let run = KLSTestRun(Self.data + """

            fit = minimize((w, b) -> binary_cross_entropy(sigmoid(matmul(X, w) + b), y), [[0, 0], 0], \(c.optimizer), steps=50)
            [fit.losses[-1], fit.params]
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        expectClose(numbers(run.value), [c.logisticLoss] + c.w + [c.b], "logistic \(c.optimizer)")
    }

    @Test(arguments: cases)
    func softmaxRegression(_ c: Case) {
        let run = KLSTestRun(Self.data + """

            W0 = [[0.1, -0.2, 0.0], [0.0, 0.3, -0.1]]
            fit = minimize((W, c) -> cross_entropy(matmul(X, W) + c, labels), [W0, zeros(3)], \(c.optimizer), steps=50)
            [fit.losses[-1], fit.params[0], fit.params[1], type(fit.params[0])]
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        guard case .list(let items)? = run.value, items.count == 4 else { Issue.record("no result"); return }
        expectClose(numbers(.list(Array(items.prefix(3)))), [c.softmaxLoss] + c.W + c.c, "softmax \(c.optimizer)")
        #expect(numbers(items[3]).isEmpty && ValueFormatter.plain(items[3]) == "matrix(2×3)")
    }

    /// One matrix as the only parameter (f of one argument): the whole matrix moves, trace rows
    /// are its flattened elements. Same softmax model with c fixed at 0 against torch:
    ///   W = torch.tensor([[0.1, -0.2, 0.0], [0.0, 0.3, -0.1]], requires_grad=True)
    ///   opt = torch.optim.Adam([W], lr=0.05); 50 × (zero_grad; F.cross_entropy(X @ W, labels); backward; step)
    /// W after the first step and after the 50th.
    static let wholeMatrixFirstStep = [0.050000001921502016, -0.15000000107976452, -0.04999999753513462,
                                       -0.04999999736986958, 0.2500000019851289, -0.05000000113127947]
    static let wholeMatrixAdam = [-1.0013726559494938, 0.8698095237541781, -1.0271424465536731,
                                  -0.5901434980281592, -1.1318805011508954, 1.0261982732050614]
    @Test func aWholeMatrixParameter() {
        let run = KLSTestRun(Self.data + """

            fit = minimize(W -> cross_entropy(matmul(X, W), labels), [[0.1, -0.2, 0.0], [0.0, 0.3, -0.1]], Adam(lr=0.05), steps=50)
            [fit.params, fit.trace[0], fit.trace[1], len(fit.trace), type(fit.params)]
            """)
        #expect(run.errorText.isEmpty, "\(run.errorText)")
        guard case .list(let items)? = run.value, items.count == 5 else { Issue.record("no result"); return }
        expectClose(numbers(items[0]), Self.wholeMatrixAdam, "whole matrix")
        #expect(numbers(items[1]) == [0.1, -0.2, 0.0, 0.0, 0.3, -0.1])
        expectClose(numbers(items[2]), Self.wholeMatrixFirstStep, "trace[1]")
        #expect(numbers(items[3]) == [50] && ValueFormatter.plain(items[4]) == "matrix(2×3)")
    }
}
