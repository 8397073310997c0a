"""Stage 5, override: the analyst's YAML beside a source, validated and applied to the
`Brief`; the skeleton `brief overrides` writes; drift between overrides and article."""
