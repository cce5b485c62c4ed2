//! The intrinsic functions (`Fn::Sub`, `Fn::Join`, `Fn::If`, `Fn::Select`, `Fn::Split`,
//! `Fn::FindInMap`, `Fn::GetAtt` and the others) on the [`Resolver`].
use super::*;

impl<'t> Resolver<'t> {
    pub(super) fn intrinsic(
        &self,
        name: &str,
        args: &Value,
        at: &str,
    ) -> Result<Option<Value>, Problem> {
        let list = |n: usize| -> Result<&Vec<Value>, Problem> {
            match args {
                Value::Array(a) if a.len() == n => Ok(a),
                _ => Err(Problem::new(
                    at,
                    format!("{name} takes a list of {n} values"),
                )),
            }
        };
        let string = |v: Value, what: &str| -> Result<String, Problem> {
            match v {
                Value::String(s) => Ok(s),
                Value::Number(n) => Ok(n.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                other => Err(Problem::new(
                    at,
                    format!("{name}: {what} must be a string, not {other}"),
                )),
            }
        };
        Ok(Some(match name {
            "Ref" => match args {
                Value::String(target) if target == "AWS::NoValue" => return Ok(None),
                Value::String(target) => self.reference(target, at)?,
                _ => {
                    return Err(Problem::new(
                        at,
                        "Ref takes the name of a parameter or resource",
                    ))
                }
            },
            "Fn::GetAtt" => {
                let (resource, attribute) = match args {
                    Value::Array(a) if a.len() == 2 => {
                        let resource =
                            string(self.resolve(&a[0], &format!("{at}[0]"))?, "the resource")?;
                        let attribute =
                            string(self.resolve(&a[1], &format!("{at}[1]"))?, "the attribute")?;
                        (resource, attribute)
                    }
                    Value::String(s) => match s.split_once('.') {
                        Some((r, a)) => (r.to_string(), a.to_string()),
                        None => {
                            return Err(Problem::new(at, "Fn::GetAtt takes [resource, attribute]"))
                        }
                    },
                    _ => return Err(Problem::new(at, "Fn::GetAtt takes [resource, attribute]")),
                };
                self.attribute(&resource, &attribute, at)?
            }
            "Fn::Sub" => {
                let (text, vars) = match args {
                    Value::String(s) => (s.clone(), Map::new()),
                    Value::Array(a) if a.len() == 2 => {
                        let text = string(self.resolve(&a[0], &format!("{at}[0]"))?, "the string")?;
                        let vars = match self.resolve(&a[1], &format!("{at}[1]"))? {
                            Value::Object(m) => m,
                            _ => {
                                return Err(Problem::new(
                                    at,
                                    "Fn::Sub: the variables must be a map",
                                ))
                            }
                        };
                        (text, vars)
                    }
                    _ => {
                        return Err(Problem::new(
                            at,
                            "Fn::Sub takes a string or [string, {variables}]",
                        ))
                    }
                };
                Value::String(self.sub(&text, &vars, at)?)
            }
            "Fn::Join" => {
                let a = list(2)?;
                let delimiter = string(self.resolve(&a[0], &format!("{at}[0]"))?, "the delimiter")?;
                let items = match self.resolve(&a[1], &format!("{at}[1]"))? {
                    Value::Array(items) => items,
                    _ => return Err(Problem::new(at, "Fn::Join: the values must be a list")),
                };
                let parts = items
                    .into_iter()
                    .map(|v| string(v, "each value"))
                    .collect::<Result<Vec<_>, _>>()?;
                Value::String(parts.join(&delimiter))
            }
            "Fn::If" => {
                let a = list(3)?;
                let condition = match &a[0] {
                    Value::String(c) => c,
                    _ => {
                        return Err(Problem::new(
                            at,
                            "Fn::If: the first value must be a condition name",
                        ))
                    }
                };
                let (branch, i) = if self.condition(condition, &format!("{at}[0]"))? {
                    (&a[1], 1)
                } else {
                    (&a[2], 2)
                };
                return self.resolve_opt(branch, &format!("{at}[{i}]"));
            }
            "Fn::Select" => {
                let a = list(2)?;
                let index = match self.resolve(&a[0], &format!("{at}[0]"))? {
                    Value::Number(n) => n.as_u64(),
                    Value::String(s) => s.parse().ok(),
                    _ => None,
                }
                .ok_or_else(|| Problem::new(at, "Fn::Select: the index must be a number"))?;
                match self.resolve(&a[1], &format!("{at}[1]"))? {
                    Value::Array(items) => {
                        items.into_iter().nth(index as usize).ok_or_else(|| {
                            Problem::new(
                                at,
                                format!("Fn::Select: the index {index} is out of range"),
                            )
                        })?
                    }
                    _ => return Err(Problem::new(at, "Fn::Select: the values must be a list")),
                }
            }
            "Fn::Split" => {
                let a = list(2)?;
                let delimiter = string(self.resolve(&a[0], &format!("{at}[0]"))?, "the delimiter")?;
                let text = string(self.resolve(&a[1], &format!("{at}[1]"))?, "the string")?;
                Value::Array(
                    text.split(delimiter.as_str())
                        .map(|s| Value::String(s.into()))
                        .collect(),
                )
            }
            "Fn::FindInMap" => {
                let a = match args {
                    Value::Array(a) if a.len() >= 3 => a,
                    _ => {
                        return Err(Problem::new(
                            at,
                            "Fn::FindInMap takes [map, top-level key, second-level key]",
                        ))
                    }
                };
                let mut keys = Vec::new();
                for (i, v) in a.iter().take(3).enumerate() {
                    keys.push(string(self.resolve(v, &format!("{at}[{i}]"))?, "each key")?);
                }
                self.mappings
                    .get(&keys[0])
                    .and_then(|m| m.get(&keys[1]))
                    .and_then(|m| m.get(&keys[2]))
                    .cloned()
                    .ok_or_else(|| {
                        Problem::new(
                            at,
                            format!(
                                "Fn::FindInMap: Mappings has no {}.{}.{}",
                                keys[0], keys[1], keys[2]
                            ),
                        )
                    })?
            }
            "Fn::ImportValue" => {
                let export = string(self.resolve(args, at)?, "the export name")?;
                self.unknowable(
                    at,
                    &export,
                    &format!("the export '{export}' (Fn::ImportValue)"),
                    true,
                )?
            }
            "Fn::Base64" => {
                use base64::Engine;
                let text = string(self.resolve(args, at)?, "the value")?;
                Value::String(base64::engine::general_purpose::STANDARD.encode(text))
            }
            "Fn::GetAZs" => {
                let region = &self.settings.region;
                Value::Array(
                    ["a", "b", "c"]
                        .iter()
                        .map(|z| Value::String(format!("{region}{z}")))
                        .collect(),
                )
            }
            "Fn::ToJsonString" => Value::String(self.resolve(args, at)?.to_string()),
            "Fn::Length" => match self.resolve(args, at)? {
                Value::Array(items) => Value::from(items.len()),
                _ => return Err(Problem::new(at, "Fn::Length takes a list")),
            },
            _ => {
                return Err(Problem::new(
                    at,
                    format!("the intrinsic function {name} is not supported offline"),
                ))
            }
        }))
    }

    /// `Fn::Sub`'s `${Name}`, `${Resource.Attribute}` and `${!Literal}`.
    fn sub(&self, text: &str, vars: &Map<String, Value>, at: &str) -> Result<String, Problem> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                return Err(Problem::new(
                    at,
                    format!("Fn::Sub: an unterminated ${{ in '{text}'"),
                ));
            };
            let name = &after[..end];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else {
                let name = name.trim();
                let value = match vars.get(name) {
                    Some(v) => v.clone(),
                    None => match name.split_once('.') {
                        Some((resource, attribute)) if !name.starts_with("AWS::") => {
                            self.attribute(resource, attribute, at)?
                        }
                        _ => self.reference(name, at)?,
                    },
                };
                out.push_str(&scalar_text(&value));
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}
