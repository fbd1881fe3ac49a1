extension CheckRunner {
    /// The findings `glossary check` reports on the texts of `corpora`, for the review page.
    ///
    /// Every file is checked as `check` checks it (the monolingual rules, the language sections of
    /// a multilingual document, the cross-language rules of a bilingual file, inline suppressions
    /// obeyed); a corpus made of several plain-text files then gets the cross-language findings
    /// `check --parallel` adds for them, with the languages the alignment gave its files.
    ///
    /// - Returns: the findings in report order, and the files that could not be checked.
    package func reviewFindings(for corpora: [AnalyzedCorpus]) -> (findings: [Finding], errors: [InputError]) {
        var files: [String] = []
        for corpus in corpora {
            for text in corpus.texts where !files.contains(text.segmented.path) { files.append(text.segmented.path) }
        }
        var (report, errors) = run(files: files)
        guard errors.isEmpty else { return (report.findings, errors) }
        for corpus in corpora where corpus.texts.count >= 2 {
            let paths = corpus.texts.map(\.segmented.path)
            guard paths.allSatisfy(ParallelFiles.isPlainText) else { continue }
            let languages = corpus.texts.map { $0.segmented.segments.first?.language }
            do {
                try report.addParallelFindings(
                    ParallelGroup(files: paths, languages: languages, origin: .explicit), checker: checker,
                    options: options, order: files, obeysSuppressions: obeysSuppressions, baseline: baseline)
            } catch {
                errors.append(error)
            }
        }
        return (report.findings, errors)
    }
}
