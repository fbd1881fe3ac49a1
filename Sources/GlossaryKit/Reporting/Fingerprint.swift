/// Stable identities for findings, so that a finding keeps its identity when lines are added or
/// removed elsewhere in its file.
///
/// A fingerprint hashes the rule, the concept, the normalised offending text (lower case, runs of
/// white space as one space) and the occurrence index of that combination within the file: the
/// second `Labor` of concept `ilo` under `deprecated-term` is the same finding whatever line it
/// moves to. Line numbers and the file's other content are not part of it. SARIF's
/// `partialFingerprints` and baseline files use it.
package enum Fingerprint {
    /// The version tag used as the key in SARIF's `partialFingerprints`.
    package static let key = "glossaryFinding/v1"

    /// Fingerprints for the findings of one file, in the order given (text order).
    ///
    /// - Complexity: O(*n*) in the total length of the findings' texts.
    package static func compute(forFileFindings findings: [Finding]) -> [String] {
        var occurrences: [String: Int] = [:]
        return findings.map { finding in
            let identity = identity(of: finding)
            var occurrence = 0
            count(&occurrences[identity, default: 0], was: &occurrence)
            return fingerprint(identity, occurrence: occurrence)
        }
    }

    /// Sets `fingerprint` on every finding, grouping by file and keeping the given order.
    ///
    /// The same fingerprints as `compute(forFileFindings:)` on each file's findings, set in
    /// place: a run with hundreds of thousands of findings is not copied to compute them.
    ///
    /// - Complexity: O(*n*) in the total length of the findings' texts.
    package static func assign(to findings: inout [Finding]) {
        // The counts of the file at hand are kept apart from the others', so that a run of
        // findings in one file (the usual order) updates one table in place.
        var otherFiles: [String: [String: Int]] = [:]
        var file: String?
        var occurrences: [String: Int] = [:]
        for index in findings.indices {
            let path = findings[index].location.file
            if path != file {
                if let file { otherFiles[file] = occurrences }
                occurrences = otherFiles.removeValue(forKey: path) ?? [:]
                file = path
            }
            let identity = identity(of: findings[index])
            // One hash look-up both reads and counts the occurrence.
            var occurrence = 0
            count(&occurrences[identity, default: 0], was: &occurrence)
            findings[index].fingerprint = fingerprint(identity, occurrence: occurrence)
        }
    }

    /// Adds one to `counter`, setting `old` to its value before.
    private static func count(_ counter: inout Int, was old: inout Int) {
        old = counter
        counter += 1
    }

    /// What a finding is, whatever its place: rule, concept and normalised text, 0-separated.
    private static func identity(of finding: Finding) -> String {
        var identity = finding.rule
        identity += "\u{0}"
        identity += finding.concept ?? ""
        identity += "\u{0}"
        identity += normalize(finding.text)
        return identity
    }

    /// The fingerprint of the `occurrence`-th finding (from 0) with `identity` in its file.
    ///
    /// The hash runs on over the separator and the occurrence's digits instead of hashing a
    /// new string made of them.
    private static func fingerprint(_ identity: String, occurrence: Int) -> String {
        var hash = fnv1a(identity)
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        add(0)
        JSONValue.withDecimal(occurrence) { digits in
            for digit in digits { add(digit) }
        }
        return hex(hash)
    }

    /// Lower case with white space runs collapsed to one space.
    static func normalize(_ text: String) -> String {
        squeezingWhiteSpace(text.lowercasedFast())
    }

    /// 64-bit FNV-1a over the UTF-8 bytes: fast, stable across platforms and Swift versions
    /// (unlike `Hasher`, which is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `value` as sixteen lower-case hexadecimal digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }
}
