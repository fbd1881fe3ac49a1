/// Files that are versions of one text in different languages, found by name or configuration.
///
/// `glossary check` and `glossary coverage` group the plain-text and Markdown files they are given
/// into translation sets without being told (`--parallel` is for explicit sets of arbitrary
/// names): a configuration's `parallel` patterns first, then the naming convention — files that
/// differ only by a language tag (`report.id.md`, `report.en.md`; `report_id.md`, `report_en.md`;
/// `id/report.md`, `en/report.md`).
package struct ParallelGroup: Sendable, Equatable {
    /// How a group was found.
    package enum Origin: Sendable, Equatable {
        /// Named on the command line with `--parallel`.
        case explicit
        /// A configuration's `parallel` pattern (the pattern).
        case configuration(String)
        /// File names that differ only by a language tag (the name with `{lang}`).
        case naming(String)
    }

    /// The members: as given (explicit), or in the glossary's language order (configured, by name).
    package var files: [String]
    /// Each member's language; nil: from its name, else detected.
    package var languages: [LanguageTag?]
    package var origin: Origin

    package init(files: [String], languages: [LanguageTag?], origin: Origin) {
        self.files = files
        self.languages = languages
        self.origin = origin
    }

    /// A line that says what was grouped and why, to prefix the alignment's notes with.
    package var description: String {
        let names = files.joined(separator: ", ")
        switch origin {
        case .explicit: return names
        case let .configuration(pattern): return "\(names) (parallel set '\(pattern)' of the configuration)"
        case let .naming(key): return "\(names) (versions of \(key) by file name)"
        }
    }
}

package enum ParallelFiles {
    /// Whether `path` can be a version in a parallel set: a plain-text or Markdown file, not a
    /// bilingual file nor standard input.
    package static func isPlainText(_ path: String) -> Bool {
        path != "-" && path != "<stdin>" && BilingualFormat(path: path) == nil
    }

    /// `paths` grouped by the naming convention: files whose names differ only by a language tag
    /// (`LanguageDetector.languageTag(inPath:known:)`) that is one of `known` (the glossary's
    /// languages). Groups come in the order of their first file; members in the order of `known`.
    ///
    /// Never groups silently wrong: a group needs at least two different languages, and a group
    /// in which one language occurs twice (`id/report.md` and `report.id.md` are different keys,
    /// but `id/report.md` and `id-ID/report.md` are one) is not formed; `skipped` explains why.
    /// Bilingual files and standard input are never grouped.
    package static func groups(_ paths: [String], known: [LanguageTag]) -> (groups: [ParallelGroup], skipped: [String]) {
        var members: [String: [(path: String, language: LanguageTag)]] = [:]
        var order: [String] = []
        for path in paths where isPlainText(path) {
            guard let (language, key) = LanguageDetector.languageTag(inPath: path, known: known) else { continue }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append((path, language))
        }
        var groups: [ParallelGroup] = []
        var skipped: [String] = []
        for key in order {
            let group = members[key]!
            guard group.count >= 2 else { continue }
            let languages = group.map(\.language)
            if Set(languages).count < languages.count {
                let repeated = Dictionary(grouping: languages, by: { $0 }).filter { $0.value.count > 1 }.keys.map(\.rawValue)
                    .sorted()
                skipped.append(
                    "\(group.map(\.path).joined(separator: ", ")) not grouped as versions of \(key): more than one file in \(repeated.joined(separator: ", "))"
                )
                continue
            }
            let ordered = inLanguageOrder(group, known: known)
            groups.append(ParallelGroup(files: ordered.map(\.path), languages: ordered.map(\.language), origin: .naming(key)))
        }
        return (groups, skipped)
    }

    /// `members` in the order of `known` (the glossary's languages), so that tables and the
    /// leading version of an undirected set do not depend on how a folder happens to sort.
    static func inLanguageOrder(_ members: [(path: String, language: LanguageTag)], known: [LanguageTag]) -> [(
        path: String, language: LanguageTag
    )] {
        members.enumerated().sorted {
            (known.firstIndex(of: $0.element.language) ?? known.count, $0.offset) < (
                known.firstIndex(of: $1.element.language) ?? known.count, $1.offset
            )
        }.map(\.element)
    }

    /// The translation sets among `paths`: the configuration's parallel sets, then, when
    /// `byName`, the naming convention among the files no configured set took.
    package static func groups(_ paths: [String], configuration: Configuration?, byName: Bool, known: [LanguageTag]) -> (
        groups: [ParallelGroup], skipped: [String]
    ) {
        let plain = paths.filter(isPlainText)
        var groups: [ParallelGroup] = []
        var taken = Set<String>()
        if let configuration {
            for members in configuration.parallelDocuments(plain) {
                let set = inLanguageOrder(members, known: known)
                let languages = set.map(\.language)
                guard Set(languages).count >= 2, Set(languages).count == languages.count else { continue }
                let pattern =
                    configuration.parallelSets.first { pattern in
                        set.allSatisfy { pattern.member(configuration.relativePath($0.path)) != nil }
                    }?.pattern ?? "parallel"
                groups.append(ParallelGroup(files: set.map(\.path), languages: languages, origin: .configuration(pattern)))
                taken.formUnion(set.map(\.path))
            }
        }
        guard byName else { return (groups, []) }
        let named = Self.groups(plain.filter { !taken.contains($0) }, known: known)
        return (groups + named.groups, named.skipped)
    }
}

extension CheckReport {
    /// Adds the cross-language findings of the parallel group `group` (already checked one by
    /// one into this report, or read from disk when not) and returns the alignment's notes.
    ///
    /// The new findings are fingerprinted, dropped where a `glossary-ignore` or
    /// `glossary-disable` directive of their file says so (when `obeysSuppressions`) and, when
    /// `baseline` is given, filtered by it. `order` lists the files in report order.
    @discardableResult
    package mutating func addParallelFindings(
        _ group: ParallelGroup, checker: GlossaryChecker, options: CheckOptions, order: [String], obeysSuppressions: Bool = true,
        baseline: Baseline? = nil
    ) throws(InputError) -> [String] {
        guard group.files.count >= 2 else { throw InputError("--parallel needs at least two files (the versions of one text)") }
        var sources: [SourceText] = []
        for file in group.files {
            guard ParallelFiles.isPlainText(file) else {
                throw InputError(
                    "--parallel takes plain-text or Markdown versions, not bilingual files or standard input", file: file)
            }
            if let source = self.sources[file] {
                sources.append(source)
            } else {
                sources.append(try BilingualFormat.readSource(file))
            }
        }
        let cross = CrossLanguageChecker(compiled: checker.compiled, rules: checker.rules, crossRules: checker.crossRules)
        do {
            let languages = group.languages.contains { $0 != nil } ? group.languages : nil
            var (found, notes) = try cross.parallelFindings(sources, languages: languages, options: options)
            Fingerprint.assign(to: &found)
            if obeysSuppressions {
                let known = checker.ruleIDs
                var kept: [Finding] = []
                for (index, source) in sources.enumerated() {
                    let inFile = found.filter { $0.location.file == group.files[index] || $0.location.file == source.path }
                    let markdown = (options.markup ?? Tokenizer.Markup(path: source.path)) == .markdown
                    guard let suppressions = try? Suppressions(parsing: source, markdown: markdown, knownRules: known) else {
                        kept += inFile; continue
                    }
                    var left = inFile
                    suppressedCount += suppressions.removeSuppressed(from: &left)
                    kept += left
                }
                found = kept
            }
            if let baseline {
                let (kept, known) = baseline.filter(found)
                found = kept
                baselinedCount += known
            }
            findings = FindingCollector.ordered(findings + found, paths: order + group.files)
            // A cross-language finding on the words of a more specific monolingual one is folded into it.
            checker.findingCollector(options).fold(&findings)
            return notes
        } catch {
            throw InputError(error.description, file: group.files[0])
        }
    }
}
