//! A Lambda `FunctionName` parameter in its many forms. What a Task's `Resource` names is
//! parsed once, in `asl::resource`.
use crate::asl::resource::split_qualifier;

/// A Lambda `FunctionName` in any of the forms Lambda accepts: `name`, `name:qualifier`,
/// `<account>:function:name[:qualifier]`, or the full ARN, with or without qualifier.
/// Returns (name, qualifier).
pub fn function_name(function: &str) -> (&str, Option<&str>) {
    match function.find("function:") {
        // Partial or full ARN: what follows `function:` is `name[:qualifier]`.
        Some(i) if i == 0 || function[..i].ends_with(':') => {
            split_qualifier(&function[i + "function:".len()..])
        }
        _ => split_qualifier(function),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_names_in_every_form() {
        assert_eq!(function_name("charge"), ("charge", None));
        assert_eq!(function_name("charge:7"), ("charge", Some("7")));
        assert_eq!(
            function_name("123456789012:function:charge"),
            ("charge", None)
        );
        assert_eq!(
            function_name("123456789012:function:charge:prod"),
            ("charge", Some("prod"))
        );
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:charge"),
            ("charge", None)
        );
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:charge:$LATEST"),
            ("charge", Some("$LATEST"))
        );
        // A name that merely contains "function:" after other text is not an ARN.
        assert_eq!(function_name("myfunction:1"), ("myfunction", Some("1")));
    }
}
