//! The shape of the operations table (`operations.rs`, generated from the AWS model):
//! everything the CLI knows about a command is data here, documented once.

/// One `aws stepfunctions` subcommand.
pub struct Operation {
    /// CLI name, e.g. `create-state-machine`.
    pub command: &'static str,
    /// API name, e.g. `CreateStateMachine`.
    pub api: &'static str,
    pub about: &'static str,
    pub paging: Paging,
    /// The input members, in the model's order.
    pub flags: &'static [Flag],
    /// What `--generate-cli-skeleton input` prints.
    pub input_skeleton: &'static str,
    /// What `--generate-cli-skeleton output` prints.
    pub output_skeleton: &'static str,
}

/// One input member and the flag that sets it.
pub struct Flag {
    /// Kebab-case flag name without `--`.
    pub name: &'static str,
    /// The member name in the JSON request (camelCase).
    pub member: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Accepted but not documented (`--next-token`/`--max-results` of auto-paginated
    /// operations, as the AWS CLI does).
    pub hidden: bool,
    /// Minimum string length / list length / integer value, checked client-side as
    /// botocore does.
    pub min: Option<i64>,
    /// Enum values, if any.
    pub values: &'static [&'static str],
    /// A sample value (JSON) of the member's shape: gives shorthand values their types.
    pub sample: &'static str,
    pub help: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Str,
    Enum,
    Int,
    Long,
    Float,
    Bool,
    Timestamp,
    Blob,
    Struct,
    List,
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// No pagination.
    None,
    /// Listed in the paginators file: the CLI pages automatically (`--max-items`,
    /// `--starting-token`, `--page-size`) and merges `result_key` across pages.
    Auto { result_key: &'static str },
    /// `nextToken`/`maxResults` are plain flags; `nextToken` is returned unchanged.
    Manual,
}

impl Kind {
    pub fn is_scalar(self) -> bool {
        !matches!(self, Kind::Struct | Kind::List | Kind::Map)
    }
}
