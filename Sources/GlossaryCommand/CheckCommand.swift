import ArgumentParser
import Foundation
import GlossaryKit

/// `glossary check`: reports deprecated, inconsistent and mis-cased terms in drafts.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check texts against the glossary.",
        discussion: """
            Checks plain text and Markdown (code, URLs and HTML comments are skipped). The language \
            of a text comes from --lang, else .glossary.yml, else its name (report.id.md, \
            abstract_su.txt, en/…), else it is detected per paragraph. Files that differ only by \
            a language tag (report.id.md, report.en.md; id/report.md, en/report.md) and the \
            configuration's parallel sets are aligned as versions of one text and checked with \
            the cross-language rules (--no-parallel: not), each version against the others, or \
            against the source with --source. Folders are searched for \
            \(HelpText.folderTextExtensions) files and bilingual \(HelpText.folderBilingualExtensions) \
            files, hidden folders skipped; i18n JSON files are checked when named. With no path, \
            the configuration's include patterns choose the files of its folder. Findings can be \
            silenced with glossary-ignore / glossary-disable comments or a --baseline file.
            """)

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("The language of every text (a BCP 47 tag such as id, en, su).", valueName: "code"))
    var language: String?

    @Option(name: .long, help: "Markup of the texts: plain or markdown (default: from the file name; plain for standard input).")
    var markup: MarkupArgument?

    @Option(name: .long, help: "Threads to use, compiling the glossary included (default: all cores).")
    var jobs: Int?

    @Flag(
        name: .long,
        help: "The files are versions of one text in different languages: also align them and run the cross-language rules.")
    var parallel = false

    @Flag(
        name: .customLong("no-parallel"),
        help:
            "Do not group files into translation sets by name (report.id.md, report.en.md) or by the configuration's parallel sets."
    )
    var noParallel = false

    @OptionGroup var configurationFile: ConfigurationOptions

    @OptionGroup var source: SourceOptions

    @Flag(
        name: .long,
        help:
            "Check the staged content (the git index) of staged text and translation files instead of the working tree; paths, if given, restrict which."
    )
    var staged = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Report only findings on lines added or changed since this git revision (from its merge base with HEAD; with --staged, in the index).",
            valueName: "revision"))
    var diff: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Record every current finding in this file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .long, help: "Replace deprecated terms with the preferred term where exactly one is safe, in place.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print a unified diff of the fixes instead of writing them.")
    var dryRun = false

    @Flag(name: .long, help: "With --fix: fix read-only files too (they stay read-only).")
    var force = false

    @Argument(
        help: ArgumentHelp(
            "Files or folders to check; - reads standard input. Default: the files of the configuration's folder that its include patterns choose.",
            valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let language, LanguageTag(language) == nil {
            throw ValidationError("'\(language)' is not a valid language tag (e.g. id, en, su, en-GB)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if force && !fix { throw ValidationError("--force goes with --fix") }
        if fix && staged { throw ValidationError("--fix changes working-tree files; it cannot be combined with --staged") }
        if fix && paths.contains("-") { throw ValidationError("--fix cannot change standard input") }
        if parallel && noParallel { throw ValidationError("--parallel and --no-parallel exclude each other") }
        if writeBaseline != nil && (fix || baseline != nil) {
            throw ValidationError("--write-baseline records the findings as they are; do not combine it with --fix or --baseline")
        }
        if staged && paths.contains("-") { throw ValidationError("--staged reads the git index, not standard input") }
        if diff != nil && paths.contains("-") { throw ValidationError("--diff compares files in git, not standard input") }
        if diff != nil && fix {
            throw ValidationError(
                "--fix rewrites whole files; it cannot be combined with --diff, which reports changed lines only")
        }
        if let diff, diff.isEmpty { throw ValidationError("--diff needs a revision (a commit, branch or tag)") }
    }

    func run() throws {
        try check()
    }

    private func check() throws {
        let configuration = try configurationFile.load(glossary: glossary)
        // Without paths, what to check comes from the configuration: settle that before the
        // glossary is loaded, so that a usage error is reported as one.
        let searched = paths.isEmpty && !staged && diff == nil ? try defaultPaths(configuration: configuration) : paths
        let checker = GlossaryChecker(compiled: try self.glossary.loadCompiled(configuration: configuration, jobs: jobs))
        let sourceLanguage = try source.resolve(configuration: configuration, known: checker.compiled.languages)
        // The checker lives as long as the process: freeing a large glossary's hundreds of
        // thousands of terms one by one on the way out would only delay the exit.
        _ = Unmanaged.passRetained(checker)
        var runner = CheckRunner(
            checker: checker,
            options: CheckOptions(
                language: language.flatMap(LanguageTag.init), markup: markup?.markup,
                ruleSettings: configuration?.ruleSettings ?? [:], sourceLanguage: sourceLanguage,
                // A fix rewrites the text, so it is read whole whatever its size.
                streamingThreshold: fix ? .max : CheckOptions.defaultStreamingThreshold),
            jobs: jobs)
        runner.configuration = configuration
        if let baseline {
            do {
                runner.baseline = try Baseline.read(contentsOf: baseline)
            } catch {
                throw CommandFailure.input(error)
            }
        }
        let failOn = output.failOnOption ?? configuration?.failOn ?? .warning
        let scope = try changeScope(configuration: configuration, known: checker.compiled.languages)
        let inputs = try scope?.inputs ?? self.inputs(searching: searched, configuration: configuration)
        if fix { try refuseFixingSettings(inputs, configuration: configuration) }
        try refuseWritingBaselineOverInputs(inputs, configuration: configuration)
        var (report, errors) = runner.run(inputs: inputs)
        let groups = try parallelGroups(inputs: inputs, configuration: configuration, known: checker.compiled.languages)
        for note in groups.skipped { Output.error("note: " + note) }
        errors += addCrossFileFindings(
            to: &report, groups: groups.groups, runner: runner, order: inputs.map(\.path), printNotes: true)
        for error in errors { Output.error(error.description) }
        scope?.narrow(&report)

        if let writeBaseline {
            guard errors.isEmpty else {
                Output.error("error: the baseline was not written because some files could not be checked")
                throw ExitCode(ExitStatus.usage)
            }
            do {
                try AtomicFile.write(Array(Baseline(report: report, path: writeBaseline).serialized().utf8), to: writeBaseline)
            } catch {
                throw CommandFailure.input(error)
            }
            Output.error("glossary: recorded \(English.counted(report.findings.count, "finding")) in \(writeBaseline)")
            return
        }

        if fix {
            var fixedFiles = 0, fixedFindings = 0
            var diffs = ""
            // Only files that were read and checked are in `report.sources`; a file that failed
            // is never touched.
            let byFile = Dictionary(grouping: report.findings, by: \.location.file)
            for input in inputs {
                guard let source = report.sources[input.path], let findings = byFile[input.path],
                    let fileFix = runner.fix(source, findings: findings)
                else { continue }
                if dryRun {
                    diffs += UnifiedDiff.render(fileFix)
                } else {
                    do {
                        try Fixer.write(fileFix, force: force)
                    } catch {
                        Output.error(error.description)
                        errors.append(error)
                        continue
                    }
                }
                fixedFiles += 1
                fixedFindings += fileFix.edits.count
            }
            if dryRun {
                Output.print(diffs)
                let summary =
                    fixedFindings == 0
                    ? "nothing to fix"
                    : "would fix \(English.counted(fixedFindings, "finding")) in \(English.counted(fixedFiles, "file"))"
                Output.error("glossary: \(summary)")
                if !errors.isEmpty { throw ExitCode(ExitStatus.usage) }
                if report.fails(at: failOn) { throw ExitCode(ExitStatus.findings) }
                return
            }
            if fixedFiles > 0 {
                Output.error(
                    "glossary: fixed \(English.counted(fixedFindings, "finding")) in \(English.counted(fixedFiles, "file"))")
                // Check again, so that what is reported (and its positions) is what is left.
                let again = runner.run(inputs: inputs)
                report = again.report
                _ = addCrossFileFindings(
                    to: &report, groups: groups.groups, runner: runner, order: inputs.map(\.path), printNotes: false)
                scope?.narrow(&report)
            }
        }

        Reporter.write(report, format: output.format, to: Output.print)
        if !errors.isEmpty { throw ExitCode(ExitStatus.usage) }
        if report.fails(at: failOn) { throw ExitCode(ExitStatus.findings) }
    }

    /// Refuses `--fix` when a text to fix is a file this run reads as settings — a glossary
    /// file, the configuration, the baseline — under any name (compared by device and inode):
    /// a fix would rewrite terms in the glossary itself. Nothing is checked or written then.
    private func refuseFixingSettings(_ inputs: [CheckRunner.Input], configuration: Configuration?) throws {
        var settings: [FileIdentity: String] = [:]
        func add(_ path: String, _ what: String) {
            if let id = FileIdentity(path: path), settings[id] == nil { settings[id] = what }
        }
        for path in try glossary.resolvedPaths(configuration: configuration) {
            for file in (try? GlossaryLoader.files(at: path)) ?? [] { add(file, "a glossary file of this run") }
        }
        if let file = configuration?.file { add(file, "the configuration of this run") }
        if let baseline { add(baseline, "the baseline of this run") }
        var refused = false
        for input in inputs {
            guard case let .file(path) = input, let id = FileIdentity(path: path), let what = settings[id] else { continue }
            Output.error(InputError("is \(what); --fix does not rewrite it (leave it out of the paths)", file: path).description)
            refused = true
        }
        if refused { throw ExitCode(ExitStatus.usage) }
    }

    /// Refuses `--write-baseline` when its path is a file this run reads — a text to check, a
    /// glossary file, the configuration — under any name: the baseline would replace it.
    /// Nothing is checked or written then.
    private func refuseWritingBaselineOverInputs(_ inputs: [CheckRunner.Input], configuration: Configuration?) throws {
        guard let writeBaseline else { return }
        try glossary.refuseOverwriting(
            writeBaseline, what: "the baseline", option: "--write-baseline", inputs: inputs.map(\.path),
            configuration: configuration)
    }

    /// The translation sets among the inputs: all of them with `--parallel`; else, unless
    /// `--no-parallel` or `--lang`, the configuration's parallel sets and the files whose names differ only
    /// by a language tag.
    private func parallelGroups(inputs: [CheckRunner.Input], configuration: Configuration?, known: [LanguageTag]) throws -> (
        groups: [ParallelGroup], skipped: [String]
    ) {
        let paths = inputs.map(\.path)
        if parallel {
            return ([ParallelGroup(files: paths, languages: paths.map { _ in nil }, origin: .explicit)], [])
        }
        // --lang declares one language for every text: no versions in other languages.
        if noParallel || language != nil { return ([], []) }
        return ParallelFiles.groups(paths, configuration: configuration, byName: true, known: known)
    }

    /// Adds the cross-language findings of every group whose files were all checked; returns the
    /// errors (an explicit `--parallel` set that cannot be aligned).
    private func addCrossFileFindings(
        to report: inout CheckReport, groups: [ParallelGroup], runner: CheckRunner, order: [String], printNotes: Bool
    ) -> [InputError] {
        var errors: [InputError] = []
        for group in groups {
            // A file that could not be read or checked has already been reported.
            guard group.files.allSatisfy({ report.hasChecked($0) || !ParallelFiles.isPlainText($0) }) else { continue }
            do {
                let notes = try report.addParallelFindings(
                    group, checker: runner.checker, options: runner.options, order: order,
                    obeysSuppressions: runner.obeysSuppressions, baseline: runner.baseline)
                guard printNotes else { continue }
                for note in notes {
                    Output.error("note: " + (group.origin == .explicit ? note : "\(group.description): \(note)"))
                }
            } catch {
                errors.append(error)
            }
        }
        return errors
    }

    /// What to check when no path is given: the configuration's folder, whose files its
    /// `include` patterns choose, as a path relative to the current folder (`.` when it is
    /// here). Without such a configuration there is nothing to go by: a usage error.
    private func defaultPaths(configuration: Configuration?) throws -> [String] {
        guard let configuration, !configuration.include.isEmpty else {
            let reason =
                configuration.map { "\($0.file.map(GlossaryOptions.shown) ?? Configuration.fileName) has none" }
                ?? (configurationFile.noConfig ? "--no-config is given" : "no \(Configuration.fileName) was found")
            // Reported as the usage errors of `validate()` are, with this command's usage.
            Output.error(
                """
                Error: give at least one file or folder to check (or - for standard input, or --staged); \
                with no path, check takes the files that the configuration's include patterns choose, but \(reason)
                Usage: \(GlossaryTool.usageString(for: Self.self))
                  See 'glossary check --help' for more information.
                """)
            throw ExitCode(ExitStatus.usage)
        }
        let root = Paths.relative(configuration.root, to: FileManager.default.currentDirectoryPath)
        glossary.note(
            """
            checking the files \(root == "." ? "in this folder" : "in the folder \(root)") that the include patterns of \
            \(configuration.file.map(GlossaryOptions.shown) ?? Configuration.fileName) choose
            """)
        return [root]
    }

    /// With `--staged` or `--diff`, the part of the repository to check and report on: changed
    /// files of the kinds `check` reads (text, Markdown, bilingual files, and `.json` files the
    /// configuration's `i18n-json` patterns name, or that are named as a path), below the paths given, that the configuration
    /// includes; and the other versions of their translation sets. Nil otherwise.
    private func changeScope(configuration: Configuration?, known: [LanguageTag]) throws -> ChangeScope? {
        guard staged || diff != nil else { return nil }
        let roots = paths.map { Paths.absolute($0) }
        func checkable(_ entry: StagedFiles.Entry) -> Bool {
            let ext = (entry.path as NSString).pathExtension.lowercased()
            let kind =
                CheckRunner.textExtensions.contains(ext) || CheckRunner.bilingualExtensions.contains(ext) || ext == "pot"
                || (ext == "json"
                    && (configuration?.isI18nJSON(entry.path) == true || roots.contains(Paths.absolute(entry.path))))
            return kind && (configuration?.includes(entry.path) ?? true)
        }
        do {
            return try ChangeScope(
                revision: diff, staged: staged,
                accept: { entry in
                    guard checkable(entry) else { return false }
                    guard !roots.isEmpty else { return true }
                    let absolute = Paths.absolute(entry.path)
                    return roots.contains { absolute == $0 || absolute.hasPrefix($0 + "/") }
                },
                acceptsContext: checkable, configuration: configuration,
                known: parallel || noParallel || language != nil ? nil : known)
        } catch {
            throw CommandFailure.input(error)
        }
    }

    /// What to check: the files and folders `searched`, filtered by the configuration's include
    /// and exclude patterns.
    private func inputs(searching searched: [String], configuration: Configuration?) throws -> [CheckRunner.Input] {
        let files: [String]
        do {
            // Without paths, `searched` is the configuration's folder, `.` when it is here: the
            // files are named as seen from here, without `./`.
            files = try CheckRunner.files(for: searched).map {
                paths.isEmpty && $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0
            }
        } catch {
            throw CommandFailure.input(error)
        }
        let kept = files.filter { configuration?.includes($0) ?? true }
        guard kept.isEmpty else { return kept.map { .file($0) } }
        let reason = Self.nothingToCheck(paths: paths, found: files.count, configuration: configuration)
        // Paths that were named and give nothing are a mistake (a mistyped folder in CI must
        // fail, not pass). Without paths, the configuration chose: a project with no texts yet,
        // as `glossary init` leaves it, is not one, and gets a note instead.
        guard paths.isEmpty else { throw CommandFailure.input(InputError(reason)) }
        Output.error("note: " + reason)
        return []
    }

    /// Why the paths gave no file to check.
    static func nothingToCheck(paths: [String], found: Int, configuration: Configuration?) -> String {
        if found > 0, let configuration {
            let files = found == 1 ? "the file found is" : "all \(found) files found are"
            return
                "no files to check: \(files) left out by the include and exclude patterns of \(configuration.file ?? ".glossary.yml")"
        }
        let endings = CheckRunner.folderExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
        let searched = paths.isEmpty ? "the configuration's folder" : paths.joined(separator: ", ")
        return "no files to check in \(searched): folders are searched for \(endings) files (hidden and build folders skipped)"
    }
}

/// The `--markup` values.
enum MarkupArgument: String, ExpressibleByArgument, CaseIterable {
    case plain
    case markdown

    var markup: Tokenizer.Markup { self == .plain ? .plain : .markdown }
}
