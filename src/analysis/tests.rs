//! Tests of the analysis with hand-derived answers.
