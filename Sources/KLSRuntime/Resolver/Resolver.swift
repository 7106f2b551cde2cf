import KLSSyntax

/// Resolves every name of a program to a slot before anything runs: locals of the current
/// function, slots of an enclosing function (closures), globals, or builtins.
///
/// Scope rules (as Python): blocks open no scope; inside a function, a name assigned in its
/// body (or a loop variable, or a nested `fn`) is local to that function; other names are
/// looked up in the enclosing functions, then the globals, then the builtins. An unknown
/// name is an error reported with a "did you mean" suggestion, as is a call with the wrong
/// arguments to a builtin or to a top-level function whose definition is known.
struct Resolver {
    /// One function being resolved: its slots by name.
    final class Scope {
        let decl: FunctionDecl
        var slots: [String: Int] = [:]
        let parent: Scope?
        init(decl: FunctionDecl, parent: Scope?) { self.decl = decl; self.parent = parent }
    }

    let file: SourceFile
    let globals: GlobalTable
    let registry: BuiltinRegistry
    var diagnostics: [Diagnostic] = []
    /// Top-level functions whose name is bound exactly once in this program, for arity checks.
    var knownFunctions: [String: FunctionDecl] = [:]
    /// Loops enclosing the statement being resolved, within the current function.
    var loopDepth = 0

    init(file: SourceFile, globals: GlobalTable, registry: BuiltinRegistry) {
        self.file = file
        self.globals = globals
        self.registry = registry
    }

    /// Resolves a whole program in place and returns the problems found.
    static func resolve(_ program: Program, globals: GlobalTable, registry: BuiltinRegistry) -> [Diagnostic] {
        let knownGlobals = globals.names.count
        var r = Resolver(file: program.file, globals: globals, registry: registry)
        var counts: [String: Int] = [:]
        for name in Resolver.assignedNames(program.statements) { counts[name, default: 0] += 1 }
        for stmt in program.statements {
            if case .function(let f) = stmt, let n = f.name, counts[n.name] == 1, globals.index(of: n.name) == nil {
                r.knownFunctions[n.name] = f
            }
        }
        for name in Resolver.assignedNames(program.statements) { _ = globals.define(name) }
        r.resolveBlock(program.statements, scope: nil)
        if !r.diagnostics.isEmpty { globals.truncate(to: knownGlobals) }
        return r.diagnostics
    }

    /// Names bound by a block (assignments, loop variables, function definitions), not
    /// descending into nested functions.
    static func assignedNames(_ stmts: [Stmt]) -> [String] {
        var names: [String] = []
        func visit(_ s: Stmt) {
            switch s {
            case .assign(let n, _, _): names.append(n.name)
            case .function(let f): if let n = f.name { names.append(n.name) }
            case .forIn(let v, _, let body, _): names.append(v.name); body.forEach(visit)
            case .ifElse(_, let a, let b, _): a.forEach(visit); b?.forEach(visit)
            case .whileLoop(_, let body, _): body.forEach(visit)
            default: break
            }
        }
        stmts.forEach(visit)
        return names
    }

    mutating func resolveBlock(_ stmts: [Stmt], scope: Scope?) {
        for s in stmts { resolveStatement(s, scope: scope) }
    }

    mutating func resolveStatement(_ s: Stmt, scope: Scope?) {
        switch s {
        case .expression(let e, _): resolveExpr(e, scope: scope)
        case .assign(let n, let v, _):
            resolveExpr(v, scope: scope)
            bind(n, scope: scope)
        case .assignIndex(let n, let indices, let v, _):
            indices.joined().flatMap(\.expressions).forEach { resolveExpr($0, scope: scope) }
            resolveExpr(v, scope: scope)
            resolveName(n, scope: scope)
        case .function(let f):
            if let n = f.name { bind(n, scope: scope) }
            resolveFunction(f, scope: scope)
        case .ifElse(let c, let a, let b, _):
            resolveExpr(c, scope: scope)
            resolveBlock(a, scope: scope)
            if let b { resolveBlock(b, scope: scope) }
        case .forIn(let v, let seq, let body, _):
            resolveExpr(seq, scope: scope)
            bind(v, scope: scope)
            loopDepth += 1
            resolveBlock(body, scope: scope)
            loopDepth -= 1
        case .whileLoop(let c, let body, _):
            resolveExpr(c, scope: scope)
            loopDepth += 1
            resolveBlock(body, scope: scope)
            loopDepth -= 1
        case .returnValue(let e, let span):
            if scope == nil { diagnostics.append(Diagnostic(.resolve, "'return' outside a function", at: span, in: file)) }
            if let e { resolveExpr(e, scope: scope) }
        case .breakLoop(let span), .continueLoop(let span):
            if loopDepth == 0 {
                let word = { if case .breakLoop = s { return "break" }; return "continue" }()
                diagnostics.append(Diagnostic(.resolve, "'\(word)' outside a loop", at: span, in: file))
            }
        }
    }

    /// Records where an assigned name lives.
    mutating func bind(_ n: NameRef, scope: Scope?) {
        if let scope {
            n.resolution = .local(scope.slots[n.name] ?? 0)
        } else {
            n.resolution = .global(globals.define(n.name))
        }
    }

    mutating func resolveFunction(_ f: FunctionDecl, scope: Scope?) {
        scope?.decl.createsClosures = true
        let inner = Scope(decl: f, parent: scope)
        var names: [String] = []
        for p in f.parameters { names.append(p.name.name) }
        for n in Resolver.assignedNames(f.body) where !names.contains(n) { names.append(n) }
        for (i, n) in names.enumerated() { inner.slots[n] = i }
        f.slotCount = names.count
        f.slotNames = names
        for p in f.parameters {
            if let d = p.defaultValue { resolveExpr(d, scope: scope) }
            p.name.resolution = .local(inner.slots[p.name.name] ?? 0)
        }
        let outerLoops = loopDepth
        loopDepth = 0
        resolveBlock(f.body, scope: inner)
        loopDepth = outerLoops
    }

    /// Resolves `n`; an unknown name is reported with a "did you mean": `habit` when given (the
    /// answer for a call such as `help(KL)`), else the `Habits` answer for the name, else the
    /// closest known name.
    mutating func resolveName(_ n: NameRef, scope: Scope?, habit: String? = nil) {
        var depth = 0
        var s = scope
        while let current = s {
            if let slot = current.slots[n.name] {
                n.resolution = depth == 0 ? .local(slot) : .enclosing(depth: depth, slot: slot)
                if depth > 0 { current.decl.capturedSlots.insert(slot) }
                return
            }
            depth += 1
            s = current.parent
        }
        if let g = globals.index(of: n.name) {
            n.resolution = .global(g)
        } else if let b = registry.index(of: n.name) {
            n.resolution = .builtin(b)
        } else {
            var d = Diagnostic(.resolve, "undefined name '\(n.name)'", at: n.span, in: file)
            if let suggestion = habit ?? Habits.name(n.name) ?? suggestion(for: n.name, scope: scope) {
                d.notes.append("did you mean '\(suggestion)'?")
            }
            diagnostics.append(d)
        }
    }

    /// True when `name` is a local, enclosing, global or builtin name here.
    func isDefined(_ name: String, scope: Scope?) -> Bool {
        var s = scope
        while let current = s {
            if current.slots[name] != nil { return true }
            s = current.parent
        }
        return globals.index(of: name) != nil || registry.index(of: name) != nil
    }

    /// `F.kl_div`, `torch.nn.functional.kl_div`, `np.log2` where the module is not a kls name:
    /// one error at the module's name, suggesting the kls name after the prefix. Returns false
    /// (nothing reported) for any other field access.
    mutating func reportModulePrefix(_ e: Expr, field: String, scope: Scope?) -> Bool {
        var root = e
        while case .field(let inner, _, _) = root { root = inner }
        guard case .name(let n) = root, Habits.isModule(n.name), !isDefined(n.name, scope: scope) else { return false }
        var d = Diagnostic(.resolve, "undefined name '\(n.name)'", at: n.span, in: file)
        let answer = registry.index(of: field) != nil ? field
            : Habits.name(field) ?? Suggestions.closest(to: field, among: registry.names)
        if let answer { d.notes.append("did you mean '\(answer)'? (kls names have no \(n.name). prefix)") }
        diagnostics.append(d)
        return true
    }

    func suggestion(for name: String, scope: Scope?) -> String? {
        var candidates = globals.names + registry.names
        var s = scope
        while let current = s { candidates += current.slots.keys; s = current.parent }
        return Suggestions.closest(to: name, among: candidates)
    }

    mutating func resolveExpr(_ e: Expr, scope: Scope?) {
        switch e {
        case .number, .string, .bool, .none: break
        case .formatString(let parts, _):
            for case .value(let e, let spec, let specSpan, _, _) in parts {
                resolveExpr(e, scope: scope)
                // A spec is always literal text, so a malformed one is found before the program runs.
                if let spec, let specSpan {
                    do { _ = try FormatSpec(spec) } catch {
                        diagnostics.append(Diagnostic(.resolve, (error as? BuiltinError)?.message ?? "\(error)", at: specSpan, in: file))
                    }
                }
            }
        case .name(let n): resolveName(n, scope: scope)
        case .unary(_, let a, _): resolveExpr(a, scope: scope)
        case .binary(_, let a, let b, _), .logical(_, let a, let b, _):
            resolveExpr(a, scope: scope)
            resolveExpr(b, scope: scope)
        case .call(let callee, let args, _):
            if case .name(let n) = callee {
                resolveName(n, scope: scope, habit: Habits.call(n.name, arguments: args.map { file.text(of: $0.value.span) }))
            } else {
                resolveExpr(callee, scope: scope)
            }
            args.forEach { resolveExpr($0.value, scope: scope) }
            checkArguments(callee: callee, args: args)
        case .index(let a, let subscripts, _):
            resolveExpr(a, scope: scope)
            subscripts.flatMap(\.expressions).forEach { resolveExpr($0, scope: scope) }
        case .field(let a, let name, _):
            if !reportModulePrefix(a, field: name, scope: scope) { resolveExpr(a, scope: scope) }
        case .array(let items, _): items.forEach { resolveExpr($0, scope: scope) }
        case .lambda(let f): resolveFunction(f, scope: scope)
        }
    }

    /// Reports calls whose arguments cannot match a statically known function.
    mutating func checkArguments(callee: Expr, args: [Argument]) {
        guard case .name(let n) = callee, let resolution = n.resolution else { return }
        let signature: Signature
        switch resolution {
        case .builtin(let b):
            signature = registry.builtins[b].signature
        case .global:
            guard let f = knownFunctions[n.name] else { return }
            signature = Signature(decl: f)
        default:
            return
        }
        if let problem = signature.mismatch(positional: args.filter { $0.label == nil }.count,
                                            labels: args.compactMap(\.label)) {
            diagnostics.append(Diagnostic(.resolve, problem, at: n.span, in: file))
        }
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestions {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for c in Set(candidates) where c != name {
            let d = distance(target, Array(c.lowercased()))
            let limit = max(1, min(3, target.count / 3 + 1))
            if d <= limit, d < target.count, best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
