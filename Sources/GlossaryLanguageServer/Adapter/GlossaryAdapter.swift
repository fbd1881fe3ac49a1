import Foundation
import GlossaryKit

/// The language server's one bridge to the glossary library: it finds each document's
/// configuration and glossary as `glossary check` does, keeps every glossary compiled once, and
/// turns findings into LSP diagnostics.
///
/// A document is checked as if `glossary check` ran in the workspace folder that holds it (the
/// deepest one, for nested folders), or in its own folder when it is in none: the same
/// `.glossary.yml` (its languages, includes and excludes, rule severities) and the same
/// glossary (`--glossary` given to `glossary lsp`, else the configuration's, else the nearest
/// `glossary/` folder; see `ProjectDiscovery`). The text is the editor's, not the file on disk.
///
/// Markdown and plain-text documents are checked, and the bilingual files `glossary check`
/// reads (i18n JSON files only when the configuration's include patterns name them).
final class GlossaryAdapter: LanguageFeatures {
    /// Where the rules are documented: each diagnostic's `codeDescription` links here, the
    /// README's table of rules. The one place to change when the rules get pages of their own
    /// (or the repository moves).
    static let rulesDocumentation = "https://github.com/glossary-project/glossary/blob/main/README.md#rules"

    /// What a diagnostic says it comes from.
    static let source = "glossary"

    private let options: LanguageServerOptions
    private let log: ClientLog
    /// The workspace folders' paths, deepest first, so the first that holds a file is its own.
    private var folders: [String] = []
    /// The configuration and glossary of each folder checks run from, found on first use.
    private var projects: [String: Project] = [:]
    /// Compiled glossaries by their paths: folders that share a glossary share its checker.
    private var checkers: [[String]: GlossaryChecker] = [:]
    /// The scanning state of each checker's checks, by its glossary's paths: the words of a
    /// document are folded, looked up and analysed once, not again on every keystroke.
    private var sessions: [[String]: ScanSession] = [:]
    /// The last check of each open document, for the requests about it (code actions, hover)
    /// that come between changes.
    private var checks: [String: DocumentCheck] = [:]
    /// The other versions of each document checked as one of a translation set, by URI.
    private var versionsOf: [String: [String]] = [:]
    /// The files on disk that may be versions of the text at a path (`diskVersionCandidates`),
    /// listed once rather than on every keystroke; forgotten whenever a document is opened,
    /// closed or saved and whenever the client reports a file changed on disk.
    private var diskCandidates: [String: [String]] = [:]
    /// The translation set of a path and the candidates it was picked from: the same
    /// candidates give the same set, until the configuration changes.
    private var versionGroups: [String: (candidates: [String], group: ParallelGroup?)] = [:]

    /// A document's text as last checked, and what its check found.
    private struct DocumentCheck {
        var version: Int
        var source: SourceText
        var findings: [Finding]
        var checker: GlossaryChecker
        var options: CheckOptions
        /// Whether the document is a bilingual file, whose findings come from its extracted
        /// strings: it has no analysis of its own text to offer fixes, hovers or symbols from.
        var isBilingual = false
        /// The analysis of the text (its paragraphs and matches), made when first asked for.
        var analysis: AnalyzedDocument?
    }

    /// What checks run from one folder use.
    private struct Project {
        var configuration: Configuration?
        var glossaryPaths: [String] = []
        var checker: GlossaryChecker?
        /// The configuration's `source`, as a language of the glossary.
        var sourceLanguage: LanguageTag?

        /// Whether a change to the file at `path` changes the checks of this project.
        func depends(on path: String) -> Bool {
            if configuration?.file.map({ Paths.absolute($0) }) == path { return true }
            // A project without a glossary may get one when a glossary file appears.
            if checker == nil { return GlossaryLoader.allExtensions.contains((path as NSString).pathExtension.lowercased()) }
            return glossaryPaths.map { Paths.absolute($0) }.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
    }

    init(options: LanguageServerOptions, log: ClientLog) {
        self.options = options
        self.log = log
    }

    var serverName: String { "glossary" }
    var serverVersion: String { GlossaryKitInfo.version }

    func setWorkspaceFolders(_ folders: [WorkspaceFolder]) {
        self.folders = folders.compactMap(\.path).map { Paths.absolute($0) }.sorted { $0.count > $1.count }
        for folder in folders where folder.path == nil {
            log.log(
                .warning,
                "the workspace folder \(folder.uri) is not a local folder; its documents are checked from their own folders")
        }
    }

    /// The configuration and the glossary files, whose changes reload them, and the text files,
    /// which may be versions of an open document (the folder listings kept are forgotten).
    var watchedFilePatterns: [String] {
        [
            "**/" + Configuration.fileName, "**/*.{" + GlossaryLoader.allExtensions.joined(separator: ",") + "}",
            "**/*.{" + CheckRunner.textExtensions.sorted().joined(separator: ",") + "}",
        ]
    }

    func fileSaved(uri: String) -> Bool {
        forgetVersionCandidates()
        guard let path = DocumentURI.path(of: uri).map({ Paths.absolute($0) }) else { return false }
        let isConfiguration = (path as NSString).lastPathComponent == Configuration.fileName
        guard isConfiguration || projects.values.contains(where: { $0.depends(on: path) }) else { return false }
        log.log(.info, "\(path) changed: reloading the configuration and glossary")
        // Found and compiled again on the next check; the glossary cache makes an unchanged
        // glossary cheap to load again.
        projects = [:]
        checkers = [:]
        sessions = [:]
        checks = [:]
        FreedMemory.release()
        return true
    }

    // MARK: Diagnostics

    func diagnostics(for document: TextDocument, among documents: DocumentStore, encoding: PositionEncoding) -> [Diagnostic]? {
        guard var diagnostics = diagnostics(for: document, encoding: encoding) else { return nil }
        if let check = checks[document.uri] {
            diagnostics += versionDiagnostics(for: document, check: check, among: documents, encoding: encoding)
        }
        return diagnostics
    }

    /// The diagnostics of `document` on its own: its monolingual findings (and those of the
    /// language sections of a text in several languages), or the findings on a glossary or
    /// configuration file.
    private func diagnostics(for document: TextDocument, encoding: PositionEncoding) -> [Diagnostic]? {
        let path = DocumentURI.path(of: document.uri).map { Paths.absolute($0) }
        if let path, let diagnostics = glossaryDiagnostics(for: document, path: path, encoding: encoding) {
            return diagnostics
        }
        // A bilingual file (XLIFF, PO, TMX, String Catalog, i18n JSON) is read by its name, as
        // `glossary check` reads it, whatever the editor calls its language.
        let bilingual = path.flatMap { BilingualFormat(path: $0) }
        let markup = bilingual == nil ? Self.markup(languageID: document.languageID, path: path) : nil
        guard markup != nil || bilingual != nil else { return nil }
        let project = project(for: path.map { folder(for: $0) } ?? folders.first ?? FileManager.default.currentDirectoryPath)
        // Any `.json` file is no translation data: as `glossary check` reads i18n JSON files only
        // when named, they are checked only when the configuration's include patterns name them.
        if bilingual == .i18nJSON, let path {
            guard let configuration = project.configuration, !configuration.include.isEmpty, configuration.includes(path)
            else { return nil }
        }
        // Without a glossary there is nothing to check against; the reason has been shown once.
        guard let checker = project.checker else { return [] }
        // An untitled document is named as the editor names it, so that no language is read
        // from a name it does not have.
        let name = path ?? "untitled"
        if let configuration = project.configuration, path != nil, !configuration.includes(name) { return [] }
        var checkOptions = CheckOptions(
            language: path.flatMap { project.configuration?.language(forPath: $0) }, markup: markup,
            ruleSettings: project.configuration?.ruleSettings ?? [:], sourceLanguage: project.sourceLanguage)
        let session = sessions[project.glossaryPaths]
        checkOptions.session = session
        // The whole text is scanned, its languages detected and its rules run on every change,
        // as `glossary check` does; only the paragraphs whose matches the session does not
        // hold from the previous check are matched (`ParagraphMatchCache`).
        let check = {
            CheckRunner.check(.contents(path: name, bytes: document.text.bytes), checker: checker, options: checkOptions)
        }
        let (result, _) = session?.paragraphMatches.map { $0.withDocument(document.uri, check) } ?? check()
        checks[document.uri] = nil
        switch result {
        case let .checked(source, findings):
            checks[document.uri] = DocumentCheck(
                version: document.version, source: source, findings: findings, checker: checker, options: checkOptions,
                isBilingual: bilingual != nil)
            return findings.map { Self.diagnostic($0, in: document.text, encoding: encoding) }
        case let .streamed(_, findings):
            return findings.map { Self.diagnostic($0, in: document.text, encoding: encoding) }
        case let .failed(error):
            // An invalid suppression directive: shown where it is, as the CLI shows it.
            return [Self.diagnostic(error, in: document.text, encoding: encoding)]
        }
    }

    /// The markup to read a document as, from its language id, else its file name; nil for a
    /// document that is neither Markdown nor plain text.
    static func markup(languageID: String, path: String?) -> Tokenizer.Markup? {
        switch languageID.lowercased() {
        case "markdown", "mdx": return .markdown
        case "plaintext", "text", "plain text": return .plain
        default:
            guard let path, CheckRunner.textExtensions.contains((path as NSString).pathExtension.lowercased()) else { return nil }
            return Tokenizer.Markup(path: path)
        }
    }

    /// The folder checks of the file at `path` run from: the deepest workspace folder that
    /// holds it, else its own folder.
    private func folder(for path: String) -> String {
        folders.first { path.hasPrefix($0 == "/" ? "/" : $0 + "/") } ?? (path as NSString).deletingLastPathComponent
    }

    /// The configuration and checker of checks run from `folder`, found and compiled on first use.
    private func project(for folder: String) -> Project {
        if let project = projects[folder] { return project }
        let project = loadProject(folder)
        projects[folder] = project
        return project
    }

    private func loadProject(_ folder: String) -> Project {
        var project = Project()
        if let file = Configuration.discover(from: folder) {
            do {
                project.configuration = try ProjectDiscovery.readConfiguration(contentsOf: file)
            } catch {
                log.show(
                    .error, "glossary: the configuration cannot be used, so documents under \(folder) are not checked: \(error)")
                return project
            }
        }
        guard
            let (paths, origin) = ProjectDiscovery.glossaryPaths(
                named: options.glossaryPaths, configuration: project.configuration, from: folder)
        else {
            var message =
                "glossary: no glossary for \(folder): no \(Configuration.fileName) names one and no glossary/ folder of"
                + " glossary files is there or in a parent folder (up to the repository root or the home folder);"
                + " documents there are not checked. Add one, or start the server with --glossary PATH."
            for passed in GlossaryLoader.passedOver(from: folder) {
                message += " \(passed) was passed over: it has no glossary file at its top level."
            }
            log.show(.warning, message)
            return project
        }
        project.glossaryPaths = paths
        guard let checker = checkers[paths] ?? loadChecker(paths: paths, origin: origin, folder: folder) else { return project }
        do {
            project.sourceLanguage = try SourceLanguage.resolve(
                named: nil, configuration: project.configuration, known: checker.compiled.languages)
        } catch {
            log.show(.error, "glossary: the configuration cannot be used, so documents under \(folder) are not checked: \(error)")
            return project
        }
        project.checker = checker
        return project
    }

    /// Loads and compiles the glossary at `paths` for the documents under `folder`, and keeps it
    /// for other folders with the same glossary; nil (and said so) when it cannot be loaded.
    private func loadChecker(paths: [String], origin: ProjectDiscovery.GlossaryOrigin, folder: String) -> GlossaryChecker? {
        do {
            let cache = options.usesCache ? GlossaryCache.standard : nil
            var (compiled, fromCache) = try GlossaryLoader.loadCompiled(
                paths: paths, cache: cache,
                onWarning: { self.log.log(.warning, "\($0.location): warning: \($0.message) [\($0.rule)]") })
            if !fromCache, cache != nil {
                // The glossary compiled here holds its whole model; the cached form it was
                // just stored as is mapped and decodes a concept only when asked (a fraction of
                // the memory for a large glossary). The compiled one is let go for it, and the
                // compile's memory given back.
                if case let (cached, true)? = try? GlossaryLoader.loadCompiled(paths: paths, cache: cache) { compiled = cached }
                FreedMemory.release()
            }
            let checker = GlossaryChecker(compiled: compiled)
            checkers[paths] = checker
            sessions[paths] = ScanSession(compiled: compiled, keepsParagraphMatches: true)
            log.log(
                .info,
                "glossary for \(folder): \(paths.joined(separator: ", ")) (\(Self.describe(origin)); \(fromCache ? "compiled form from the cache" : "read and compiled"))"
            )
            return checker
        } catch {
            log.show(.error, "glossary: the glossary cannot be loaded, so documents under \(folder) are not checked: \(error)")
            return nil
        }
    }

    private static func describe(_ origin: ProjectDiscovery.GlossaryOrigin) -> String {
        switch origin {
        case .named: "--glossary"
        case .configuration: "the glossary setting of \(Configuration.fileName)"
        case .discovered: "the nearest glossary/ folder"
        }
    }

    // MARK: The glossary and the configuration

    /// Where the lint rules are documented.
    static let lintDocumentation = "https://github.com/glossary-project/glossary/blob/main/README.md#lint-rules"

    /// The diagnostics of `document` when it is a configuration file (`.glossary.yml`: what
    /// reading it says) or a file of its folder's glossary (what `glossary lint` says of the
    /// glossary, this file's text being the editor's); nil for any other document.
    private func glossaryDiagnostics(for document: TextDocument, path: String, encoding: PositionEncoding) -> [Diagnostic]? {
        let text = document.text
        if (path as NSString).lastPathComponent == Configuration.fileName {
            do {
                _ = try ProjectDiscovery.readConfiguration(text.string, path: path)
                return []
            } catch {
                return [Self.diagnostic(error, in: text, encoding: encoding)]
            }
        }
        guard GlossaryLoader.allExtensions.contains((path as NSString).pathExtension.lowercased()) else { return nil }
        let project = project(for: folder(for: path))
        // The glossary's files as `glossary lint` names them: the one open is read from the editor.
        var files: [String] = []
        for glossaryPath in project.glossaryPaths {
            files += (try? GlossaryLoader.files(at: glossaryPath)) ?? []
        }
        guard let name = files.first(where: { Paths.absolute($0) == path }) else { return nil }
        guard let linter = try? GlossaryLinter(),
            let report = try? linter.lint(paths: project.glossaryPaths, unsaved: [name: text.bytes])
        else { return [] }
        return report.findings.filter { Paths.absolute($0.location.file) == path }.map { finding in
            let start = text.offset(cliLine: max(finding.location.line, 1), column: max(finding.location.column, 1))
            return Diagnostic(
                range: text.range(of: start..<Self.lineEnd(from: start, in: text), encoding: encoding),
                severity: Self.severity(finding.severity), code: finding.rule, codeDescription: Self.lintDocumentation,
                source: Self.source, message: finding.message)
        }
    }

    /// The offset where the line holding `offset` ends, before its line ending.
    static func lineEnd(from offset: Int, in text: DocumentText) -> Int {
        var end = offset
        while end < text.bytes.count, text.bytes[end] != 0x0A, text.bytes[end] != 0x0D { end += 1 }
        return end
    }

    /// The caches of paragraph matches of the glossaries loaded, for tests that count the work
    /// of a re-check.
    var paragraphMatchCaches: [ParagraphMatchCache] {
        sessions.values.compactMap(\.paragraphMatches)
    }

    func documentOpened(uri: String) {
        forgetVersionCandidates()
    }

    func documentClosed(uri: String) {
        checks[uri] = nil
        for session in sessions.values { session.paragraphMatches?.forget(document: uri) }
        versionsOf[uri] = nil
        forgetVersionCandidates()
    }

    /// Forgets the folder listings and translation sets found so far: a file may have come,
    /// gone or been opened since.
    private func forgetVersionCandidates() {
        diskCandidates = [:]
        versionGroups = [:]
    }

    func otherVersions(of uri: String) -> [String] {
        versionsOf[uri] ?? []
    }

    // MARK: Language versions

    /// The cross-language findings of `document` as one version of a text whose other versions
    /// are open or on disk beside it, grouped as `glossary check` groups files (the
    /// configuration's parallel sets, else names that differ by a language tag:
    /// `report.id.md` and `report.en.md`, `id/report.md` and `en/report.md`). An open version
    /// is read from the editor, the others from disk. Each diagnostic points at the places in
    /// the other versions where its concept is named (or at the aligned paragraph, where it is
    /// not).
    private func versionDiagnostics(
        for document: TextDocument, check: DocumentCheck, among documents: DocumentStore, encoding: PositionEncoding
    ) -> [Diagnostic] {
        versionsOf[document.uri] = nil
        guard let path = DocumentURI.path(of: document.uri).map({ Paths.absolute($0) }) else { return [] }
        var openByPath: [String: TextDocument] = [:]
        for uri in documents.uris {
            if let open = documents[uri], let openPath = DocumentURI.path(of: uri).map({ Paths.absolute($0) }) {
                openByPath[openPath] = open
            }
        }
        let project = project(for: folder(for: path))
        let onDisk = diskCandidates[path] ?? Self.diskVersionCandidates(of: path)
        diskCandidates[path] = onDisk
        let candidates = Self.versionCandidates(of: path, onDisk: onDisk, open: Array(openByPath.keys))
        let group: ParallelGroup
        if let known = versionGroups[path], known.candidates == candidates {
            guard let knownGroup = known.group else { return [] }
            group = knownGroup
        } else {
            let grouped = ParallelFiles.groups(
                candidates, configuration: project.configuration, byName: true, known: check.checker.compiled.languages)
            let found = grouped.groups.first { $0.files.contains(path) }
            versionGroups[path] = (candidates, found)
            guard let found else { return [] }
            group = found
        }
        var sources: [SourceText] = []
        var texts: [String: DocumentText] = [:]
        for file in group.files {
            let bytes = file == path ? document.text.bytes : openByPath[file]?.text.bytes ?? (try? InputFile.readBytes(file))
            guard let bytes, let source = try? SourceText(path: file, bytes: bytes) else { return [] }
            sources.append(source)
            texts[file] = file == path ? document.text : openByPath[file]?.text ?? DocumentText(bytes: bytes)
        }
        versionsOf[document.uri] = group.files.filter { $0 != path }.map { openByPath[$0]?.uri ?? DocumentURI.fileURI(path: $0) }
        let cross = CrossLanguageChecker(
            compiled: check.checker.compiled, rules: check.checker.rules, crossRules: check.checker.crossRules)
        // Each version's language is its own (its name, the configuration's set), as in `check`.
        var options = check.options
        options.markup = nil
        options.language = nil
        let languages = group.languages.contains { $0 != nil } ? group.languages : nil
        guard
            let found = try? cross.parallelFindingsWithOccurrences(
                sources, languages: languages, options: options, monolingual: check.findings)
        else { return [] }
        let markdown = check.options.markup == .markdown
        let suppressions = try? Suppressions(parsing: check.source, markdown: markdown, knownRules: check.checker.ruleIDs)
        return found.filter { $0.finding.location.file == path && !(suppressions?.suppresses($0.finding) ?? false) }.map {
            finding, related in
            var diagnostic = Self.diagnostic(finding, in: document.text, encoding: encoding)
            diagnostic.related = related.compactMap { occurrence in
                guard let text = texts[occurrence.path] else { return nil }
                let uri = openByPath[occurrence.path]?.uri ?? DocumentURI.fileURI(path: occurrence.path)
                let version = occurrence.language.map { "the \($0) version" } ?? "the other version"
                let message =
                    occurrence.namesConcept
                    ? "\(version): '\(occurrence.text)'"
                    : "\(version), aligned here, does not name '\(finding.concept ?? "")'"
                return (Location(uri: uri, range: text.range(of: occurrence.byteRange, encoding: encoding)), message)
            }
            return diagnostic
        }
    }

    /// The files that may be versions of the text at `path`: the text files beside it and in
    /// folders beside its own under the same name (`en/report.md` for `id/report.md`), and the
    /// open documents. `ParallelFiles.groups` picks the versions among them.
    static func versionCandidates(of path: String, open: [String]) -> [String] {
        versionCandidates(of: path, onDisk: diskVersionCandidates(of: path), open: open)
    }

    /// `onDisk` (see `diskVersionCandidates(of:)`), `path` and the open documents, sorted.
    static func versionCandidates(of path: String, onDisk: [String], open: [String]) -> [String] {
        var candidates = Set(onDisk)
        candidates.insert(path)
        candidates.formUnion(open.filter(ParallelFiles.isPlainText))
        return candidates.sorted()
    }

    /// The files on disk that may be versions of the text at `path`: the text files beside it
    /// and the files of its name in the folders beside its own.
    ///
    /// - Complexity: a listing of the folder of `path` and of its parent, and a look-up per
    ///   folder of the parent: what the adapter keeps rather than repeats per keystroke.
    static func diskVersionCandidates(of path: String) -> [String] {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var candidates: Set<String> = []
        for entry in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !entry.hasPrefix(".") {
            let file = (folder as NSString).appendingPathComponent(entry)
            if CheckRunner.textExtensions.contains((entry as NSString).pathExtension.lowercased()) { candidates.insert(file) }
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder {
            for entry in (try? manager.contentsOfDirectory(atPath: parent)) ?? [] where !entry.hasPrefix(".") {
                let file = ((parent as NSString).appendingPathComponent(entry) as NSString).appendingPathComponent(name)
                if manager.fileExists(atPath: file) { candidates.insert(file) }
            }
        }
        return candidates.sorted()
    }

    /// The check of `document` as it is now: the last one when the text has not changed since,
    /// else a new one. Nil for a document that is not checked (not text, no glossary, an
    /// invalid directive).
    private func currentCheck(of document: TextDocument, encoding: PositionEncoding) -> DocumentCheck? {
        if let check = checks[document.uri], check.version == document.version { return check }
        _ = diagnostics(for: document, encoding: encoding)
        return checks[document.uri]
    }

    /// The analysis of the document checked in `check`, kept with the check for the next request.
    private func analysis(of check: inout DocumentCheck, uri: String) -> AnalyzedDocument? {
        if let analysis = check.analysis { return analysis }
        guard !check.isBilingual else { return nil }
        // The text is the one just checked: its paragraphs' matches are all in the session.
        let (checker, source, options) = (check.checker, check.source, check.options)
        let analyze = { try? checker.analyze(source, options: options) }
        guard let analysis = options.session?.paragraphMatches.map({ $0.withDocument(uri, analyze) }) ?? analyze() else {
            return nil
        }
        check.analysis = analysis
        checks[uri]?.analysis = analysis
        return analysis
    }

    // MARK: Code actions

    func codeActions(for document: TextDocument, range: TextRange, only: [String]?, encoding: PositionEncoding) -> [CodeAction] {
        // A directive or a replacement written into a bilingual file as into text could break
        // its syntax: no actions there.
        guard var check = currentCheck(of: document, encoding: encoding), !check.isBilingual,
            let requested = document.text.byteRange(of: range, encoding: encoding)
        else { return [] }
        let text = document.text
        let markdown = check.options.markup == .markdown
        func edit(_ range: Range<Int>, _ replacement: String) -> TextEdit {
            TextEdit(range: text.range(of: range, encoding: encoding), newText: replacement)
        }
        var actions: [CodeAction] = []
        var titles: Set<String> = []
        func offer(_ action: CodeAction) {
            if titles.insert(action.title).inserted { actions.append(action) }
        }
        if CodeAction.Kind.quickFix.isRequested(by: only) {
            // A cursor (an empty range) asks about the finding it touches, at either end too.
            for finding in check.findings
            where finding.byteRange.lowerBound <= requested.upperBound && requested.lowerBound <= finding.byteRange.upperBound {
                let diagnostic = Self.diagnostic(finding, in: text, encoding: encoding)
                if finding.fix != nil || finding.suggestions.count > 1, let analysis = analysis(of: &check, uri: document.uri) {
                    let candidates = Fixer.candidates(for: finding, in: analysis, source: check.source)
                    for candidate in candidates {
                        let replacement = String(decoding: candidate.replacement, as: UTF8.self)
                        offer(
                            CodeAction(
                                title: "Replace '\(finding.text)' with '\(replacement)'", kind: .quickFix,
                                diagnostics: [diagnostic], edits: [edit(candidate.range, replacement)],
                                isPreferred: candidates.count == 1))
                    }
                }
                let ignore = SuppressionEdits.ignoring(
                    "\(Suppressions.Kind.ignore.rawValue) \(finding.rule)", lineOf: finding.byteRange.lowerBound, in: text,
                    markdown: markdown)
                let line = text.lines.line(containing: finding.byteRange.lowerBound)
                offer(
                    CodeAction(
                        title: "Ignore \(finding.rule) on line \(line + 1)", kind: .quickFix, diagnostics: [diagnostic],
                        edits: [edit(ignore.at..<ignore.at, ignore.insert)]))
                let disable = SuppressionEdits.disabling(
                    "\(Suppressions.Kind.disable.rawValue) \(finding.rule)", in: text, markdown: markdown)
                offer(
                    CodeAction(
                        title: "Disable \(finding.rule) in this file", kind: .quickFix, diagnostics: [diagnostic],
                        edits: [edit(disable.at..<disable.at, disable.insert)]))
            }
        }
        if CodeAction.Kind.fixAll.isRequested(by: only), check.findings.contains(where: { $0.fix != nil }),
            let analysis = analysis(of: &check, uri: document.uri),
            let fix = Fixer.fix(check.source, findings: check.findings, protecting: Fixer.approvedRanges(in: analysis))
        {
            let fixed = Set(fix.edits.map(\.range))
            let diagnostics = check.findings.filter { $0.fix != nil && fixed.contains($0.byteRange) }.map {
                Self.diagnostic($0, in: text, encoding: encoding)
            }
            actions.append(
                CodeAction(
                    title:
                        "Fix all glossary findings (\(fix.edits.count) \(fix.edits.count == 1 ? "replacement" : "replacements"))",
                    kind: .fixAll, diagnostics: diagnostics,
                    edits: fix.edits.map { edit($0.range, String(decoding: $0.replacement, as: UTF8.self)) }))
        }
        return actions
    }

    // MARK: Hover and navigation

    /// The term matched at `position` of `document` (the longest, where matches nest), with the
    /// glossary it was matched in; a cursor just after a term counts as on it.
    private func match(in document: TextDocument, at position: Position, encoding: PositionEncoding) -> (
        TermMatch, Glossary
    )? {
        guard var check = currentCheck(of: document, encoding: encoding),
            let analysis = analysis(of: &check, uri: document.uri)
        else { return nil }
        let offset = document.text.offset(of: position, encoding: encoding)
        func longest(_ matches: [TermMatch]) -> TermMatch? { matches.max { $0.bytes.count < $1.bytes.count } }
        let found =
            longest(analysis.matches.filter { $0.bytes.contains(offset) })
            ?? longest(analysis.matches.filter { $0.bytes.upperBound == offset })
        return found.map { ($0, analysis.glossary) }
    }

    func hover(in document: TextDocument, at position: Position, encoding: PositionEncoding) -> HoverCard? {
        guard let (match, glossary) = self.match(in: document, at: position, encoding: encoding) else { return nil }
        return HoverCard(
            markdown: Self.conceptCard(glossary[concept: match.term], matched: match, glossary: glossary),
            range: document.text.range(of: match.bytes, encoding: encoding))
    }

    /// The concept card of `concept`, as Markdown that also reads well as plain text: its id and
    /// subject, definition, every term by language with its status (the one matched marked), the
    /// notes, the other data the glossary keeps (a source) and the file and line it comes from.
    static func conceptCard(_ concept: Concept, matched: TermMatch, glossary: Glossary) -> String {
        var lines = ["**\(concept.id)**" + (concept.subject.map { " · \($0)" } ?? "")]
        if let definition = concept.definition, !definition.isEmpty { lines += ["", definition] }
        lines.append("")
        let matchedTerm = glossary[term: matched.term]
        for language in concept.languages {
            for term in concept.terms(in: language) {
                var line = "- `\(language)` **\(term.text)**"
                if term.type != .fullForm { line += " (\(term.type.rawValue))" }
                line += " — \(term.status.rawValue)"
                if term == matchedTerm {
                    line += matched.isVerbatim ? " ← here" : " ← here, as '\(matched.written)' (\(matched.explanation))"
                }
                if let note = term.note, !note.isEmpty { line += ": \(note)" }
                lines.append(line)
            }
        }
        if let note = concept.note, !note.isEmpty { lines += ["", "Note: \(note)"] }
        let properties = concept.properties.filter { !$0.value.isEmpty }
        if !properties.isEmpty {
            lines.append("")
            for property in properties {
                lines.append("- \(property.name)\(property.language.map { " (\($0))" } ?? ""): \(property.value)")
            }
        }
        if let location = concept.location {
            lines += ["", "Glossary: `\((location.file as NSString).lastPathComponent)` line \(location.line)"]
        }
        return lines.joined(separator: "\n")
    }

    func definition(in document: TextDocument, at position: Position, encoding: PositionEncoding) -> Location? {
        guard let (match, glossary) = self.match(in: document, at: position, encoding: encoding),
            let location = glossary[term: match.term].location ?? glossary[concept: match.term].location,
            location.line > 0
        else { return nil }
        let path = Paths.absolute(location.file)
        // The column counts Unicode scalars: it is read against the file's line to give the
        // position in the negotiated encoding.
        guard let bytes = FileManager.default.contents(atPath: path), String(validating: bytes, as: UTF8.self) != nil else {
            return nil
        }
        let text = DocumentText(bytes: Array(bytes))
        let offset = text.offset(cliLine: location.line, column: max(location.column, 1))
        return Location(uri: DocumentURI.fileURI(path: path), range: text.range(of: offset..<offset, encoding: encoding))
    }

    func symbols(in document: TextDocument, encoding: PositionEncoding) -> [ConceptSymbol] {
        guard var check = currentCheck(of: document, encoding: encoding),
            let analysis = analysis(of: &check, uri: document.uri)
        else { return [] }
        let glossary = analysis.glossary
        var order: [Int] = []
        var occurrences: [Int: [TermMatch]] = [:]
        for match in analysis.matches {
            if occurrences[match.term.concept] == nil { order.append(match.term.concept) }
            occurrences[match.term.concept, default: []].append(match)
        }
        return order.map { index in
            let matches = occurrences[index] ?? []
            var seen: Set<String> = []
            let terms = matches.map { glossary[term: $0.term].text }.filter { seen.insert($0).inserted }
            return ConceptSymbol(
                name: glossary.concepts[index].id, detail: terms.joined(separator: ", "),
                occurrences: matches.map {
                    .init(text: $0.written, range: document.text.range(of: $0.bytes, encoding: encoding))
                })
        }
    }

    // MARK: Findings as diagnostics

    static func diagnostic(_ finding: Finding, in text: DocumentText, encoding: PositionEncoding) -> Diagnostic {
        // The message says what the CLI's text output says under the finding's line.
        var message = finding.message
        for folded in finding.folded { message += "\nalso: \(folded.message) [\(folded.rule)]" }
        if let explanation = finding.matchExplanation {
            message += "\nmatched '\(finding.text)' as \(explanation)"
        }
        if let note = finding.note?.trimmedOfWhiteSpace(), !note.isEmpty {
            message += "\nnote: \(note)"
        }
        return Diagnostic(
            range: text.range(of: finding.byteRange, encoding: encoding), severity: severity(finding.severity),
            code: finding.rule, codeDescription: rulesDocumentation, source: source, message: message)
    }

    static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
    }

    /// An error that stops the check of a document, at its place when it has one.
    static func diagnostic(_ error: InputError, in text: DocumentText, encoding: PositionEncoding) -> Diagnostic {
        let start = error.location.map { text.offset(cliLine: $0.line, column: $0.column) } ?? 0
        return Diagnostic(
            range: text.range(of: start..<lineEnd(from: start, in: text), encoding: encoding), severity: .error, source: source,
            message: error.message)
    }
}
