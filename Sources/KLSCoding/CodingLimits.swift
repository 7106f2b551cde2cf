/// The longest codeword `kraftCode` builds (in digits). Longer lengths are refused with a clear
/// error instead of producing enormous strings.
public let maxCodewordLength = 1024

/// The most digits one result may hold: an encoded message or all the codewords `kraftCode`
/// builds (2^30 ≈ 1.07e9, a gigabyte of text). Larger results are refused before anything is
/// allocated.
public let maxOutputDigits = 1 << 30

/// The most symbols one arithmetic decode returns (10^8, 0.8 GB of indices). A count is not
/// bounded by the number of bits (a symbol of probability near 1 costs almost nothing), so
/// larger counts are refused instead of attempting the allocation.
public let maxDecodedSymbols = 100_000_000
