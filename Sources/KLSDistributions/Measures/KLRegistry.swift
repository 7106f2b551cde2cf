import KLSNumerics

/// Closed forms of KL(P‖Q) registered by the pair of concrete families, as
/// `torch.distributions.kl.register_kl`: lookup is by the exact pair of types, and a pair
/// without a row falls back to numerical integration in `DistributionMeasures.kl`.
/// Support mismatches (+inf) are decided before the lookup, so rules may assume P's support
/// lies inside Q's.
public enum KLRegistry {
    /// A closed form on the type-erased pair; the key guarantees the concrete types.
    typealias Rule = @Sendable (any Distribution, any Distribution) throws -> Var?

    /// The pair of families a rule is registered for.
    struct Key: Hashable {
        let p: ObjectIdentifier
        let q: ObjectIdentifier
    }

    /// Every registered rule (the first registration of a pair wins).
    static let rules: [Key: Rule] = Dictionary(KLSameFamily.rules + KLCrossFamily.rules,
                                               uniquingKeysWith: { first, _ in first })

    /// A registry row for the families P and Q.
    static func rule<P: Distribution & SendableMetatype, Q: Distribution & SendableMetatype>(
        _: P.Type, _: Q.Type, _ closedForm: @escaping @Sendable (P, Q) throws -> Var
    ) -> (Key, Rule) {
        (Key(p: ObjectIdentifier(P.self), q: ObjectIdentifier(Q.self)), { p, q in
            guard let p = p as? P, let q = q as? Q else { return nil }
            return try closedForm(p, q)
        })
    }

    /// True when KL(P‖Q) has a registered closed form for these families.
    public static func hasClosedForm(_ p: any Distribution.Type, _ q: any Distribution.Type) -> Bool {
        rules[Key(p: ObjectIdentifier(p), q: ObjectIdentifier(q))] != nil
    }

    /// The closed form of KL(P‖Q) in nats, or nil when the pair has none registered.
    public static func closedForm(_ p: any Distribution, _ q: any Distribution) throws -> Var? {
        guard let rule = rules[Key(p: ObjectIdentifier(type(of: p)), q: ObjectIdentifier(type(of: q)))] else {
            return nil
        }
        return try rule(p, q)
    }
}
