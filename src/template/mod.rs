//! Infrastructure as code, read at the edge for the CLI: YAML definitions, and SAM /
//! CloudFormation / CDK templates whose state machines, activities and Lambda functions
//! `sfn lint` checks and `sfn deploy` creates.
pub mod yaml;
