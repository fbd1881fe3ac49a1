/// The files `glossary init` writes: a commented configuration and a small glossary to edit.
package enum StarterFiles {
    /// The glossary written beside the configuration.
    package static let glossaryPath = "glossary/terms.yml"

    /// The command `glossary init` suggests next. It works in the folder the files were written
    /// to: with no path, `check` takes the files that the configuration's `include` patterns
    /// choose.
    package static let nextCommand = "glossary check"

    /// A `.glossary.yml` with every setting shown and explained.
    package static let configuration = """
        # glossary configuration (reference: docs/workflows.md in the glossary sources).
        # Paths and patterns are relative to this file's folder. Command-line options win.

        # Glossary files or folders (YAML). Default: the nearest glossary/ folder.
        glossary:
          - glossary/

        # The language of texts by path pattern; the first match wins. Patterns: * and ? within a
        # folder name, ** for any number of folders, {a,b} for alternatives; a pattern without /
        # matches file names at any depth. Unmatched texts: from the file name, else detected.
        languages:
          "docs/id/**": id
          "docs/en/**": en
          "*.su.md": su

        # Documents that translate each other: {lang} stands for the language folder or suffix.
        parallel:
          - "docs/{lang}/**"

        # The language the versions of a text are translated from (one of the glossary's): each
        # version is then checked as a translation of it — every concept it names must be in the
        # others — as a bilingual file (XLIFF, PO) is against the source it declares. Without it,
        # the versions are compared with each other. `--source LANG` wins.
        # source: en

        # Which files to check: when folders are searched, for files given by name, and (with
        # `glossary check` and no path) in this file's folder.
        include:
          - "**/*.md"
          - "**/*.txt"
        exclude:
          - "node_modules/**"
          - "CHANGELOG.md"

        # The .json files that are i18n message files (en.json, id.json), which the git hook and
        # `glossary check --staged` or `--diff` then check; other .json files are not text.
        # i18n-json: ["locales/*.json"]

        # Severity per rule: off, info, warning or error. The cross-language rules compare
        # versions: missing-translation (a concept the source, or most versions, name) and
        # divergent-term (one named in fewer than half of the versions; off to hide them).
        rules:
          deprecated-term: warning
          inconsistent-term: warning
          term-case: warning
          missing-translation: warning
          divergent-term: info

        # The least severe finding that makes `glossary check` fail: info, warning or error.
        fail-on: warning

        """

    /// A glossary with one concept in Indonesian, English and Sundanese to start from.
    package static let glossary = """
        # Your project's glossary. Reference: docs/glossary-format.md in the glossary sources.
        name: Project terms
        required-languages: [id, en, su]
        concepts:
          - id: migrant-worker               # stable id; suppressions and reports use it
            definition: A person who works in a country other than their own.
            terms:
              en:
                - migrant worker              # a plain string is a preferred term
                - term: guest worker
                  status: deprecated          # preferred | admitted | deprecated | forbidden
                  note: Implies the stay is temporary; use "migrant worker".
              id:
                - pekerja migran
                - term: TKI
                  type: acronym
                  status: deprecated
                  note: Replaced by "pekerja migran Indonesia" in Law 18/2017.
              su:
                - pekerja migran

        """
}
