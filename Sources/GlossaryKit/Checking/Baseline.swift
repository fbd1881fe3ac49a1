import Foundation
internal import Yams

/// Known findings recorded by `glossary check --write-baseline`, so that adopting the tool on an
/// existing corpus fails only on new findings.
///
/// Entries are matched by file and fingerprint (rule, concept, normalised text and occurrence
/// index in the file; see `Fingerprint`), never by line, so edits elsewhere in a file do not
/// break the match. Each entry absorbs one finding: when a file gains a second occurrence of a
/// baselined finding, the new one is reported. File paths are stored relative to the baseline
/// file's folder, so the run's current folder does not matter.
package struct Baseline: Sendable, Equatable {
    /// One recorded finding.
    package struct Entry: Sendable, Hashable {
        /// The file, relative to the baseline's folder.
        package var file: String
        package var fingerprint: String
        package var rule: String
        package var concept: String?
        package var text: String
    }

    package var entries: [Entry]
    /// The absolute folder of the baseline file, which entry paths are relative to.
    package var root: String

    package init(entries: [Entry], root: String) {
        self.entries = entries
        self.root = Paths.absolute(root)
    }

    /// A baseline recording every finding of `report`.
    package init(report: CheckReport, path: String) {
        root = (Paths.absolute(path) as NSString).deletingLastPathComponent
        var entries: [Entry] = []
        var findings = report.findings
        if findings.contains(where: { $0.fingerprint == nil }) { Fingerprint.assign(to: &findings) }
        for finding in findings {
            entries.append(
                Entry(
                    file: Paths.relative(finding.location.file, to: root), fingerprint: finding.fingerprint ?? "",
                    rule: finding.rule, concept: finding.concept, text: finding.text))
        }
        self.entries = entries
    }

    /// Splits `findings` into those the baseline does not know (to report) and a count of those
    /// it absorbs.
    package func filter(_ findings: [Finding]) -> (new: [Finding], known: Int) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[key(entry.file, entry.fingerprint), default: 0] += 1 }
        var new: [Finding] = []
        var known = 0
        for finding in findings {
            let key = key(Paths.relative(finding.location.file, to: root), finding.fingerprint ?? "")
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                known += 1
            } else {
                new.append(finding)
            }
        }
        return (new, known)
    }

    private func key(_ file: String, _ fingerprint: String) -> String { file + "\u{0}" + fingerprint }

    /// The baseline as JSON text.
    package func serialized() -> String {
        JSONValue.object([
            ("version", .number(1)),
            ("tool", .string("glossary")),
            (
                "findings",
                .array(
                    entries.map { entry in
                        .object([
                            ("file", .string(entry.file)),
                            ("fingerprint", .string(entry.fingerprint)),
                            ("rule", .string(entry.rule)),
                            ("concept", JSONValue(entry.concept)),
                            ("text", .string(entry.text)),
                        ])
                    })
            ),
        ]).serialized() + "\n"
    }

    /// Parses baseline JSON; errors name `path`, line and column.
    package static func read(_ text: String, path: String) throws(InputError) -> Baseline {
        // JSON is YAML, and Yams' node marks give positions for every error.
        let root = try YAMLDocument.compose(text, path: path, what: "baseline JSON")
        func fail(_ message: String, _ node: Node) -> InputError {
            YAMLPositions(text).error(message, file: path, at: node.mark, in: text)
        }
        guard let root, case let .mapping(mapping) = root else {
            throw InputError(
                "not a baseline: expected an object with \"version\" and \"findings\" (write one with --write-baseline)",
                file: path)
        }
        guard let version = mapping["version"] else { throw fail("baseline has no \"version\"", root) }
        guard version.int == 1 else {
            throw fail("unsupported baseline version \(version.string ?? "?") (this glossary reads version 1)", version)
        }
        guard let findings = mapping["findings"], case let .sequence(items) = findings else {
            throw fail("baseline has no \"findings\" list", root)
        }
        var entries: [Entry] = []
        for item in items {
            guard case let .mapping(fields) = item else { throw fail("expected an object for a baseline entry", item) }
            func field(_ name: String) throws(InputError) -> String {
                guard let node = fields[name], case let .scalar(scalar) = node, !scalar.string.isEmpty else {
                    throw fail("baseline entry lacks \"\(name)\"", item)
                }
                return scalar.string
            }
            let concept: String? = if let node = fields["concept"], node.null == nil { node.string } else { nil }
            entries.append(
                Entry(
                    file: try field("file"), fingerprint: try field("fingerprint"), rule: try field("rule"),
                    concept: concept, text: (fields["text"]?.string) ?? ""))
        }
        return Baseline(entries: entries, root: (Paths.absolute(path) as NSString).deletingLastPathComponent)
    }

    /// Reads the baseline file at `path`.
    package static func read(contentsOf path: String) throws(InputError) -> Baseline {
        try read(InputFile.readText(path), path: path)
    }
}
