/// |actual − expected| / |expected| (or |actual| when expected is 0); 0 when both are the
/// same infinity or both NaN, so tables can hold limits.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected || (actual.isNaN && expected.isNaN) { return 0 }
    if expected == 0 { return abs(actual) }
    return abs(actual - expected) / abs(expected)
}

/// Machine epsilon, 2⁻⁵², as the unit of the tolerances below.
let eps = Double.ulpOfOne
