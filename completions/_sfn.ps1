
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'sfn' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'sfn'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'


    # Names and ARNs from the store, `--output` values and `file://` paths: `sfn
    # __complete words` prints them for the word being completed (nothing: as usual).
    $typed = @($commandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
        ForEach-Object { ':' + $_.ToString() })
    if ($wordToComplete -eq '') { $typed += ':' }
    $offered = @(& sfn __complete words @typed 2>$null)
    if ($offered.Count -gt 0) {
        return $offered | ForEach-Object {
            [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, $_)
        }
    }
    $completions = @(switch ($command) {
        'sfn' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create-activity', 'create-activity', [CompletionResultType]::ParameterValue, 'Creates an activity.')
            [CompletionResult]::new('create-state-machine', 'create-state-machine', [CompletionResultType]::ParameterValue, 'Creates a state machine.')
            [CompletionResult]::new('create-state-machine-alias', 'create-state-machine-alias', [CompletionResultType]::ParameterValue, 'Creates an alias for a state machine that points to one or two versions of the same state machine.')
            [CompletionResult]::new('delete-activity', 'delete-activity', [CompletionResultType]::ParameterValue, 'Deletes an activity.')
            [CompletionResult]::new('delete-state-machine', 'delete-state-machine', [CompletionResultType]::ParameterValue, 'Deletes a state machine.')
            [CompletionResult]::new('delete-state-machine-alias', 'delete-state-machine-alias', [CompletionResultType]::ParameterValue, 'Deletes a state machine alias.')
            [CompletionResult]::new('delete-state-machine-version', 'delete-state-machine-version', [CompletionResultType]::ParameterValue, 'Deletes a state machine version.')
            [CompletionResult]::new('describe-activity', 'describe-activity', [CompletionResultType]::ParameterValue, 'Describes an activity.')
            [CompletionResult]::new('describe-execution', 'describe-execution', [CompletionResultType]::ParameterValue, 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.')
            [CompletionResult]::new('describe-map-run', 'describe-map-run', [CompletionResultType]::ParameterValue, 'Provides information about a Map Run''s configuration, progress, and results.')
            [CompletionResult]::new('describe-state-machine', 'describe-state-machine', [CompletionResultType]::ParameterValue, 'Provides information about a state machine''s definition, its IAM role Amazon Resource Name (ARN), and configuration.')
            [CompletionResult]::new('describe-state-machine-alias', 'describe-state-machine-alias', [CompletionResultType]::ParameterValue, 'Returns details about a state machine alias.')
            [CompletionResult]::new('describe-state-machine-for-execution', 'describe-state-machine-for-execution', [CompletionResultType]::ParameterValue, 'Provides information about a state machine''s definition, its execution role ARN, and configuration.')
            [CompletionResult]::new('get-activity-task', 'get-activity-task', [CompletionResultType]::ParameterValue, 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.')
            [CompletionResult]::new('get-execution-history', 'get-execution-history', [CompletionResultType]::ParameterValue, 'Returns the history of the specified execution as a list of events.')
            [CompletionResult]::new('list-activities', 'list-activities', [CompletionResultType]::ParameterValue, 'Lists the existing activities.')
            [CompletionResult]::new('list-executions', 'list-executions', [CompletionResultType]::ParameterValue, 'Lists all executions of a state machine or a Map Run.')
            [CompletionResult]::new('list-map-runs', 'list-map-runs', [CompletionResultType]::ParameterValue, 'Lists all Map Runs that were started by a given state machine execution.')
            [CompletionResult]::new('list-state-machine-aliases', 'list-state-machine-aliases', [CompletionResultType]::ParameterValue, 'Lists aliases for a specified state machine ARN.')
            [CompletionResult]::new('list-state-machine-versions', 'list-state-machine-versions', [CompletionResultType]::ParameterValue, 'Lists versions for the specified state machine Amazon Resource Name (ARN).')
            [CompletionResult]::new('list-state-machines', 'list-state-machines', [CompletionResultType]::ParameterValue, 'Lists the existing state machines.')
            [CompletionResult]::new('list-tags-for-resource', 'list-tags-for-resource', [CompletionResultType]::ParameterValue, 'List tags for a given resource.')
            [CompletionResult]::new('publish-state-machine-version', 'publish-state-machine-version', [CompletionResultType]::ParameterValue, 'Creates a version from the current revision of a state machine.')
            [CompletionResult]::new('redrive-execution', 'redrive-execution', [CompletionResultType]::ParameterValue, 'Restarts unsuccessful executions of Standard workflows that didn''t complete successfully in the last 14 days.')
            [CompletionResult]::new('send-task-failure', 'send-task-failure', [CompletionResultType]::ParameterValue, 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.')
            [CompletionResult]::new('send-task-heartbeat', 'send-task-heartbeat', [CompletionResultType]::ParameterValue, 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.')
            [CompletionResult]::new('send-task-success', 'send-task-success', [CompletionResultType]::ParameterValue, 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.')
            [CompletionResult]::new('start-execution', 'start-execution', [CompletionResultType]::ParameterValue, 'Starts a state machine execution.')
            [CompletionResult]::new('start-sync-execution', 'start-sync-execution', [CompletionResultType]::ParameterValue, 'Starts a Synchronous Express state machine execution.')
            [CompletionResult]::new('stop-execution', 'stop-execution', [CompletionResultType]::ParameterValue, 'Stops an execution.')
            [CompletionResult]::new('tag-resource', 'tag-resource', [CompletionResultType]::ParameterValue, 'Add a tag to a Step Functions resource.')
            [CompletionResult]::new('test-state', 'test-state', [CompletionResultType]::ParameterValue, 'Accepts the definition of a single state and executes it.')
            [CompletionResult]::new('untag-resource', 'untag-resource', [CompletionResultType]::ParameterValue, 'Remove a tag from a Step Functions resource')
            [CompletionResult]::new('update-map-run', 'update-map-run', [CompletionResultType]::ParameterValue, 'Updates an in-progress Map Run''s configuration to include changes to the settings that control maximum concurrency and Map Run failure.')
            [CompletionResult]::new('update-state-machine', 'update-state-machine', [CompletionResultType]::ParameterValue, 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.')
            [CompletionResult]::new('update-state-machine-alias', 'update-state-machine-alias', [CompletionResultType]::ParameterValue, 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.')
            [CompletionResult]::new('validate-state-machine-definition', 'validate-state-machine-definition', [CompletionResultType]::ParameterValue, 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create or update a state machine from a definition file, run it and print its output')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw a workflow as a Graphviz (dot), Mermaid or SVG graph')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the newest executions, one line each (across state machines, or of one)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an execution''s history as a table: states, iterations, retries, what changed')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a running execution live, then print its history (like sfn run)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show the CloudWatch log events of a state machine or an execution')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Validate state machine definitions and SAM/CloudFormation templates (for CI)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Create or update a SAM/CloudFormation template''s state machines, activities and functions locally')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Run on the executions whose sfn process died')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions for sfn')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for sfn and each of its commands into a directory')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the Step Functions API on HTTP (a drop-in for Step Functions Local)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sfn;create-activity' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the activity to create. This name must be unique for your Amazon Web Services account and region. [required]')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'The list of tags to add to a resource.')
            [CompletionResult]::new('--encryption-configuration', '--encryption-configuration', [CompletionResultType]::ParameterName, 'Settings to configure server-side encryption.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;create-state-machine' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the state machine. [required]')
            [CompletionResult]::new('--definition', '--definition', [CompletionResultType]::ParameterName, 'The Amazon States Language definition of the state machine. See Amazon States Language. [required]')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the IAM role to use for this state machine. [required]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Determines whether a Standard or Express state machine is created. The default is STANDARD. You cannot update the type of a state machine once it has been created. [possible values: STANDARD, EXPRESS]')
            [CompletionResult]::new('--logging-configuration', '--logging-configuration', [CompletionResultType]::ParameterName, 'Defines what execution history events are logged and where they are logged.')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags to be added when creating a state machine.')
            [CompletionResult]::new('--tracing-configuration', '--tracing-configuration', [CompletionResultType]::ParameterName, 'Selects whether X-Ray tracing is enabled.')
            [CompletionResult]::new('--version-description', '--version-description', [CompletionResultType]::ParameterName, 'Sets description about the state machine version. You can only set the description if the publish parameter is set to true. Otherwise, if you set versionDescription, but publish to false, this API action throws ValidationException.')
            [CompletionResult]::new('--encryption-configuration', '--encryption-configuration', [CompletionResultType]::ParameterName, 'Settings to configure server-side encryption.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Set to true to publish the first version of the state machine during creation. The default is false.')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;create-state-machine-alias' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description for the state machine alias.')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the state machine alias. [required]')
            [CompletionResult]::new('--routing-configuration', '--routing-configuration', [CompletionResultType]::ParameterName, 'The routing configuration of a state machine alias. The routing configuration shifts execution traffic between two state machine versions. routingConfiguration contains an array of RoutingConfig objects that specify up to two state machine versions. Step Functions then randomly choses which version to run an execution with based on the weight assigned to each RoutingConfig. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;delete-activity' {
            [CompletionResult]::new('--activity-arn', '--activity-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the activity to delete. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;delete-state-machine' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine to delete. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;delete-state-machine-alias' {
            [CompletionResult]::new('--state-machine-alias-arn', '--state-machine-alias-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine alias to delete. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;delete-state-machine-version' {
            [CompletionResult]::new('--state-machine-version-arn', '--state-machine-version-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine version to delete. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-activity' {
            [CompletionResult]::new('--activity-arn', '--activity-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the activity to describe. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-execution' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution to describe. [required]')
            [CompletionResult]::new('--included-data', '--included-data', [CompletionResultType]::ParameterName, 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call DescribeStateMachine API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-map-run' {
            [CompletionResult]::new('--map-run-arn', '--map-run-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) that identifies a Map Run. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-state-machine' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine for which you want the information. [required]')
            [CompletionResult]::new('--included-data', '--included-data', [CompletionResultType]::ParameterName, 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-state-machine-alias' {
            [CompletionResult]::new('--state-machine-alias-arn', '--state-machine-alias-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine alias. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;describe-state-machine-for-execution' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution you want state machine information for. [required]')
            [CompletionResult]::new('--included-data', '--included-data', [CompletionResultType]::ParameterName, 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;get-activity-task' {
            [CompletionResult]::new('--activity-arn', '--activity-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the activity to retrieve tasks from (assigned when you create the task using CreateActivity.) [required]')
            [CompletionResult]::new('--worker-name', '--worker-name', [CompletionResultType]::ParameterName, 'You can provide an arbitrary name in order to identify the worker that the task is assigned to. This name is used when it is logged in the execution history.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;get-execution-history' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution. [required]')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'A token from a previous truncated response, to resume paginating')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Number of items per service call (does not change the output)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Total number of items to return; prints a NextToken to resume')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--reverse-order', '--reverse-order', [CompletionResultType]::ParameterName, 'Lists events in descending order of their timeStamp.')
            [CompletionResult]::new('--include-execution-data', '--include-execution-data', [CompletionResultType]::ParameterName, 'You can select whether execution data (input or output of a history event) is returned. The default is true.')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-activities' {
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'A token from a previous truncated response, to resume paginating')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Number of items per service call (does not change the output)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Total number of items to return; prints a NextToken to resume')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-executions' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine whose executions is listed.')
            [CompletionResult]::new('--status-filter', '--status-filter', [CompletionResultType]::ParameterName, 'If specified, only list the executions whose current execution status matches the given filter. [possible values: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]')
            [CompletionResult]::new('--map-run-arn', '--map-run-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the Map Run that started the child workflow executions. If the mapRunArn field is specified, a list of all of the child workflow executions started by a Map Run is returned. For more information, see Examining Map Run in the Step Functions Developer Guide.')
            [CompletionResult]::new('--redrive-filter', '--redrive-filter', [CompletionResultType]::ParameterName, 'Sets a filter to list executions based on whether or not they have been redriven. [possible values: REDRIVEN, NOT_REDRIVEN]')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'A token from a previous truncated response, to resume paginating')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Number of items per service call (does not change the output)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Total number of items to return; prints a NextToken to resume')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-map-runs' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution for which the Map Runs must be listed. [required]')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'A token from a previous truncated response, to resume paginating')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Number of items per service call (does not change the output)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Total number of items to return; prints a NextToken to resume')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-state-machine-aliases' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine for which you want to list aliases. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-state-machine-versions' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-state-machines' {
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'A token from a previous truncated response, to resume paginating')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Number of items per service call (does not change the output)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Total number of items to return; prints a NextToken to resume')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;list-tags-for-resource' {
            [CompletionResult]::new('--resource-arn', '--resource-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;publish-state-machine-version' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine. [required]')
            [CompletionResult]::new('--revision-id', '--revision-id', [CompletionResultType]::ParameterName, 'Only publish the state machine version if the current state machine''s revision ID matches the specified ID.')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'An optional description of the state machine version.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;redrive-execution' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution to be redriven. [required]')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'A unique, case-sensitive identifier that you provide to ensure the idempotency of the request. If you don'’t specify a client token, the Amazon Web Services SDK automatically generates a client token and uses it for the request to ensure idempotency. The API will return idempotent responses for the last 10 client tokens used to successfully redrive the execution. These client tokens are valid for up to 15 minutes after they are first used.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;send-task-failure' {
            [CompletionResult]::new('--task-token', '--task-token', [CompletionResultType]::ParameterName, 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'The error code of the failure.')
            [CompletionResult]::new('--cause', '--cause', [CompletionResultType]::ParameterName, 'A more detailed explanation of the cause of the failure.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;send-task-heartbeat' {
            [CompletionResult]::new('--task-token', '--task-token', [CompletionResultType]::ParameterName, 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;send-task-success' {
            [CompletionResult]::new('--task-token', '--task-token', [CompletionResultType]::ParameterName, 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]')
            [CompletionResult]::new('--task-output', '--task-output', [CompletionResultType]::ParameterName, 'The JSON output of the task. Length constraints apply to the payload size, and are expressed as bytes in UTF-8 encoding. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;start-execution' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine to execute. [required]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Optional name of the execution. For STANDARD workflows, this name must be unique for your Amazon Web Services account, region, and state machine. If a previous execution with the same name exists, you can reuse the name 90 days after it closes. For EXPRESS workflows, execution names can be reused immediately. For more information, see Limits Related to State Machine Executions in the Step Functions Developer Guide.')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The string that contains the JSON input data for the execution, for example: "{\"first_name\" : \"Alejandro\"}"')
            [CompletionResult]::new('--trace-header', '--trace-header', [CompletionResultType]::ParameterName, 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;start-sync-execution' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine to execute. [required]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the execution.')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The string that contains the JSON input data for the execution, for example: "{\"first_name\" : \"Alejandro\"}"')
            [CompletionResult]::new('--trace-header', '--trace-header', [CompletionResultType]::ParameterName, 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.')
            [CompletionResult]::new('--included-data', '--included-data', [CompletionResultType]::ParameterName, 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;stop-execution' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution to stop. [required]')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'The error code of the failure.')
            [CompletionResult]::new('--cause', '--cause', [CompletionResultType]::ParameterName, 'A more detailed explanation of the cause of the failure.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;tag-resource' {
            [CompletionResult]::new('--resource-arn', '--resource-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'The list of tags to add to a resource. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;test-state' {
            [CompletionResult]::new('--definition', '--definition', [CompletionResultType]::ParameterName, 'The Amazon States Language (ASL) definition of the state or state machine. [required]')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the execution role with the required IAM permissions for the state.')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'A string that contains the JSON input data for the state.')
            [CompletionResult]::new('--inspection-level', '--inspection-level', [CompletionResultType]::ParameterName, 'Determines the values to return when a state is tested. You can specify one of the following types: INFO: Shows the final state output. By default, Step Functions sets inspectionLevel to INFO if you don''t specify a level. [possible values: INFO, DEBUG, TRACE]')
            [CompletionResult]::new('--variables', '--variables', [CompletionResultType]::ParameterName, 'JSON object literal that sets variables used in the state under test. Object keys are the variable names and values are the variable values.')
            [CompletionResult]::new('--state-name', '--state-name', [CompletionResultType]::ParameterName, 'Denotes the particular state within a state machine definition to be tested. If this field is specified, the definition must contain a fully-formed state machine definition.')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Defines a mocked result or error for the state under test.')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A JSON string representing a valid Context object for the state under test. This field may only be specified if a mock is specified in the same request.')
            [CompletionResult]::new('--state-configuration', '--state-configuration', [CompletionResultType]::ParameterName, 'Contains configurations for the state under test.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--reveal-secrets', '--reveal-secrets', [CompletionResultType]::ParameterName, 'Specifies whether or not to include secret information in the test result. For HTTP Tasks, a secret includes the data that an EventBridge connection adds to modify the HTTP request headers, query parameters, and body. Step Functions doesn''t omit any information included in the state definition or the HTTP response.')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;untag-resource' {
            [CompletionResult]::new('--resource-arn', '--resource-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]')
            [CompletionResult]::new('--tag-keys', '--tag-keys', [CompletionResultType]::ParameterName, 'The list of tags to remove from the resource. [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;update-map-run' {
            [CompletionResult]::new('--map-run-arn', '--map-run-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of a Map Run. [required]')
            [CompletionResult]::new('--max-concurrency', '--max-concurrency', [CompletionResultType]::ParameterName, 'The maximum number of child workflow executions that can be specified to run in parallel for the Map Run at the same time.')
            [CompletionResult]::new('--tolerated-failure-percentage', '--tolerated-failure-percentage', [CompletionResultType]::ParameterName, 'The maximum percentage of failed items before the Map Run fails.')
            [CompletionResult]::new('--tolerated-failure-count', '--tolerated-failure-count', [CompletionResultType]::ParameterName, 'The maximum number of failed items before the Map Run fails.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;update-state-machine' {
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine. [required]')
            [CompletionResult]::new('--definition', '--definition', [CompletionResultType]::ParameterName, 'The Amazon States Language definition of the state machine. See Amazon States Language.')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the IAM role of the state machine.')
            [CompletionResult]::new('--logging-configuration', '--logging-configuration', [CompletionResultType]::ParameterName, 'Use the LoggingConfiguration data type to set CloudWatch Logs options.')
            [CompletionResult]::new('--tracing-configuration', '--tracing-configuration', [CompletionResultType]::ParameterName, 'Selects whether X-Ray tracing is enabled.')
            [CompletionResult]::new('--version-description', '--version-description', [CompletionResultType]::ParameterName, 'An optional description of the state machine version to publish.')
            [CompletionResult]::new('--encryption-configuration', '--encryption-configuration', [CompletionResultType]::ParameterName, 'Settings to configure server-side encryption.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Specifies whether the state machine version is published. The default is false. To publish a version after updating the state machine, set publish to true.')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;update-state-machine-alias' {
            [CompletionResult]::new('--state-machine-alias-arn', '--state-machine-alias-arn', [CompletionResultType]::ParameterName, 'The Amazon Resource Name (ARN) of the state machine alias. [required]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description of the state machine alias.')
            [CompletionResult]::new('--routing-configuration', '--routing-configuration', [CompletionResultType]::ParameterName, 'The routing configuration of the state machine alias.')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;validate-state-machine-definition' {
            [CompletionResult]::new('--definition', '--definition', [CompletionResultType]::ParameterName, 'The Amazon States Language definition of the state machine. For more information, see Amazon States Language (ASL). [required]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The target type of state machine for this definition. The default is STANDARD. [possible values: STANDARD, EXPRESS]')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Minimum level of diagnostics to return. ERROR returns only ERROR diagnostics, whereas WARNING returns both WARNING and ERROR diagnostics. The default is ERROR. [possible values: ERROR, WARNING]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'Read arguments from this JSON (or file://); explicit flags win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'Read arguments from this YAML (or file://); explicit flags win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;run' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'The execution input: JSON text, a file holding it (input.json) or file://path [default: {}]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'State machine name [default: the file name without .json and .asl, or the folder''s name for definition.asl.json]')
            [CompletionResult]::new('--execution-name', '--execution-name', [CompletionResultType]::ParameterName, 'Name of the execution [default: a random UUID]')
            [CompletionResult]::new('--test-case', '--test-case', [CompletionResultType]::ParameterName, 'Run with this test case of the --mock-config file (as <arn>#<test case> does for start-execution)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'In tables for people, show payloads whole instead of shortened to one line')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;graph' {
            [CompletionResult]::new('--definition', '--definition', [CompletionResultType]::ParameterName, 'The definition to draw: JSON text or file://path')
            [CompletionResult]::new('--state-machine-arn', '--state-machine-arn', [CompletionResultType]::ParameterName, 'Draw this stored state machine (or version or alias)')
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'Draw the state machine of this execution, coloured by the path it took')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Graph language: dot (Graphviz), mermaid, or svg (laid out by sfn itself)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;ls' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only executions with this status: running, succeeded, failed, timed_out, aborted or pending_redrive')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many executions to list')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many executions to list')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;history' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'In tables for people, show payloads whole instead of shortened to one line')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;watch' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'In tables for people, show payloads whole instead of shortened to one line')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;logs' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing events as they come (until the execution ends, or Ctrl-C)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing events as they come (until the execution ends, or Ctrl-C)')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;stats' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only executions started in the last AGE: 30s, 15m, 1h, 7d')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;lint' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: human lines, GitHub Actions annotations, or JSON')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Validate definition files as this state machine type (a template''s machines use their own)')
            [CompletionResult]::new('--parameter-overrides', '--parameter-overrides', [CompletionResultType]::ParameterName, 'Template parameter values (others use their Default or a placeholder)')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'Stack name for AWS::StackName and generated names [default: the template''s directory]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, 'Exit 1 on warnings too')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;deploy' {
            [CompletionResult]::new('--parameter-overrides', '--parameter-overrides', [CompletionResultType]::ParameterName, 'Template parameters, and values that cannot be known offline (an export name, Resource.Attribute)')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'Stack name for AWS::StackName and generated names [default: the template''s directory]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;resume' {
            [CompletionResult]::new('--execution-arn', '--execution-arn', [CompletionResultType]::ParameterName, 'Resume only this execution')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;__complete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'sfn;man' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'sfn;serve' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on (0.0.0.0 exposes the server to the network)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (Step Functions Local''s 8083 by default; 0 picks a free one)')
            [CompletionResult]::new('--aws-account', '--aws-account', [CompletionResultType]::ParameterName, 'Account in ARNs (default: $AWS_ACCOUNT_ID, else 123456789012)')
            [CompletionResult]::new('--aws-region', '--aws-region', [CompletionResultType]::ParameterName, 'Region in ARNs (default: $AWS_DEFAULT_REGION, $AWS_REGION, else us-east-1)')
            [CompletionResult]::new('--wait-time-scale', '--wait-time-scale', [CompletionResultType]::ParameterName, 'Factor on Wait and Retry delays, 0 skips them (default: $WAIT_TIME_SCALE, $SFN_WAIT_TIME_SCALE, else 1)')
            [CompletionResult]::new('--allow-host', '--allow-host', [CompletionResultType]::ParameterName, 'Also answer requests whose Host is NAME (e.g. a docker-compose service name)')
            [CompletionResult]::new('--allow-origin', '--allow-origin', [CompletionResultType]::ParameterName, 'Also answer requests from the web origin ORIGIN (e.g. http://localhost:3000)')
            [CompletionResult]::new('--lambda-endpoint', '--lambda-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --lambda-endpoint (default: $LAMBDA_ENDPOINT)')
            [CompletionResult]::new('--batch-endpoint', '--batch-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --batch-endpoint (default: $BATCH_ENDPOINT)')
            [CompletionResult]::new('--dynamodb-endpoint', '--dynamodb-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --dynamodb-endpoint (default: $DYNAMODB_ENDPOINT)')
            [CompletionResult]::new('--ecs-endpoint', '--ecs-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --ecs-endpoint (default: $ECS_ENDPOINT)')
            [CompletionResult]::new('--glue-endpoint', '--glue-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --glue-endpoint (default: $GLUE_ENDPOINT)')
            [CompletionResult]::new('--sagemaker-endpoint', '--sagemaker-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --sagemaker-endpoint (default: $SAGE_MAKER_ENDPOINT)')
            [CompletionResult]::new('--sqs-endpoint', '--sqs-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --sqs-endpoint (default: $SQS_ENDPOINT)')
            [CompletionResult]::new('--sns-endpoint', '--sns-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --sns-endpoint (default: $SNS_ENDPOINT)')
            [CompletionResult]::new('--step-functions-endpoint', '--step-functions-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --step-functions-endpoint (default: $STEP_FUNCTIONS_ENDPOINT)')
            [CompletionResult]::new('--eventbridge-endpoint', '--eventbridge-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --eventbridge-endpoint (default: $EVENT_BRIDGE_ENDPOINT)')
            [CompletionResult]::new('--athena-endpoint', '--athena-endpoint', [CompletionResultType]::ParameterName, 'As Step Functions Local''s --athena-endpoint (default: $ATHENA_ENDPOINT)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, text, table, yaml or yaml-stream [default: json]')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query applied to the response')
            [CompletionResult]::new('--mock-config', '--mock-config', [CompletionResultType]::ParameterName, 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]')
            [CompletionResult]::new('--handlers', '--handlers', [CompletionResultType]::ParameterName, 'Local handlers file for Task states [default: $SFN_HANDLERS]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in table output: on, off or auto [default: auto, colour at a terminal]')
            [CompletionResult]::new('--no-paginate', '--no-paginate', [CompletionResultType]::ParameterName, 'Make a single call, without automatic pagination')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sfn;help' {
            [CompletionResult]::new('create-activity', 'create-activity', [CompletionResultType]::ParameterValue, 'Creates an activity.')
            [CompletionResult]::new('create-state-machine', 'create-state-machine', [CompletionResultType]::ParameterValue, 'Creates a state machine.')
            [CompletionResult]::new('create-state-machine-alias', 'create-state-machine-alias', [CompletionResultType]::ParameterValue, 'Creates an alias for a state machine that points to one or two versions of the same state machine.')
            [CompletionResult]::new('delete-activity', 'delete-activity', [CompletionResultType]::ParameterValue, 'Deletes an activity.')
            [CompletionResult]::new('delete-state-machine', 'delete-state-machine', [CompletionResultType]::ParameterValue, 'Deletes a state machine.')
            [CompletionResult]::new('delete-state-machine-alias', 'delete-state-machine-alias', [CompletionResultType]::ParameterValue, 'Deletes a state machine alias.')
            [CompletionResult]::new('delete-state-machine-version', 'delete-state-machine-version', [CompletionResultType]::ParameterValue, 'Deletes a state machine version.')
            [CompletionResult]::new('describe-activity', 'describe-activity', [CompletionResultType]::ParameterValue, 'Describes an activity.')
            [CompletionResult]::new('describe-execution', 'describe-execution', [CompletionResultType]::ParameterValue, 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.')
            [CompletionResult]::new('describe-map-run', 'describe-map-run', [CompletionResultType]::ParameterValue, 'Provides information about a Map Run''s configuration, progress, and results.')
            [CompletionResult]::new('describe-state-machine', 'describe-state-machine', [CompletionResultType]::ParameterValue, 'Provides information about a state machine''s definition, its IAM role Amazon Resource Name (ARN), and configuration.')
            [CompletionResult]::new('describe-state-machine-alias', 'describe-state-machine-alias', [CompletionResultType]::ParameterValue, 'Returns details about a state machine alias.')
            [CompletionResult]::new('describe-state-machine-for-execution', 'describe-state-machine-for-execution', [CompletionResultType]::ParameterValue, 'Provides information about a state machine''s definition, its execution role ARN, and configuration.')
            [CompletionResult]::new('get-activity-task', 'get-activity-task', [CompletionResultType]::ParameterValue, 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.')
            [CompletionResult]::new('get-execution-history', 'get-execution-history', [CompletionResultType]::ParameterValue, 'Returns the history of the specified execution as a list of events.')
            [CompletionResult]::new('list-activities', 'list-activities', [CompletionResultType]::ParameterValue, 'Lists the existing activities.')
            [CompletionResult]::new('list-executions', 'list-executions', [CompletionResultType]::ParameterValue, 'Lists all executions of a state machine or a Map Run.')
            [CompletionResult]::new('list-map-runs', 'list-map-runs', [CompletionResultType]::ParameterValue, 'Lists all Map Runs that were started by a given state machine execution.')
            [CompletionResult]::new('list-state-machine-aliases', 'list-state-machine-aliases', [CompletionResultType]::ParameterValue, 'Lists aliases for a specified state machine ARN.')
            [CompletionResult]::new('list-state-machine-versions', 'list-state-machine-versions', [CompletionResultType]::ParameterValue, 'Lists versions for the specified state machine Amazon Resource Name (ARN).')
            [CompletionResult]::new('list-state-machines', 'list-state-machines', [CompletionResultType]::ParameterValue, 'Lists the existing state machines.')
            [CompletionResult]::new('list-tags-for-resource', 'list-tags-for-resource', [CompletionResultType]::ParameterValue, 'List tags for a given resource.')
            [CompletionResult]::new('publish-state-machine-version', 'publish-state-machine-version', [CompletionResultType]::ParameterValue, 'Creates a version from the current revision of a state machine.')
            [CompletionResult]::new('redrive-execution', 'redrive-execution', [CompletionResultType]::ParameterValue, 'Restarts unsuccessful executions of Standard workflows that didn''t complete successfully in the last 14 days.')
            [CompletionResult]::new('send-task-failure', 'send-task-failure', [CompletionResultType]::ParameterValue, 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.')
            [CompletionResult]::new('send-task-heartbeat', 'send-task-heartbeat', [CompletionResultType]::ParameterValue, 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.')
            [CompletionResult]::new('send-task-success', 'send-task-success', [CompletionResultType]::ParameterValue, 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.')
            [CompletionResult]::new('start-execution', 'start-execution', [CompletionResultType]::ParameterValue, 'Starts a state machine execution.')
            [CompletionResult]::new('start-sync-execution', 'start-sync-execution', [CompletionResultType]::ParameterValue, 'Starts a Synchronous Express state machine execution.')
            [CompletionResult]::new('stop-execution', 'stop-execution', [CompletionResultType]::ParameterValue, 'Stops an execution.')
            [CompletionResult]::new('tag-resource', 'tag-resource', [CompletionResultType]::ParameterValue, 'Add a tag to a Step Functions resource.')
            [CompletionResult]::new('test-state', 'test-state', [CompletionResultType]::ParameterValue, 'Accepts the definition of a single state and executes it.')
            [CompletionResult]::new('untag-resource', 'untag-resource', [CompletionResultType]::ParameterValue, 'Remove a tag from a Step Functions resource')
            [CompletionResult]::new('update-map-run', 'update-map-run', [CompletionResultType]::ParameterValue, 'Updates an in-progress Map Run''s configuration to include changes to the settings that control maximum concurrency and Map Run failure.')
            [CompletionResult]::new('update-state-machine', 'update-state-machine', [CompletionResultType]::ParameterValue, 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.')
            [CompletionResult]::new('update-state-machine-alias', 'update-state-machine-alias', [CompletionResultType]::ParameterValue, 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.')
            [CompletionResult]::new('validate-state-machine-definition', 'validate-state-machine-definition', [CompletionResultType]::ParameterValue, 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Create or update a state machine from a definition file, run it and print its output')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw a workflow as a Graphviz (dot), Mermaid or SVG graph')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the newest executions, one line each (across state machines, or of one)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an execution''s history as a table: states, iterations, retries, what changed')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a running execution live, then print its history (like sfn run)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show the CloudWatch log events of a state machine or an execution')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Validate state machine definitions and SAM/CloudFormation templates (for CI)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Create or update a SAM/CloudFormation template''s state machines, activities and functions locally')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Run on the executions whose sfn process died')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions for sfn')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for sfn and each of its commands into a directory')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the Step Functions API on HTTP (a drop-in for Step Functions Local)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sfn;help;create-activity' {
            break
        }
        'sfn;help;create-state-machine' {
            break
        }
        'sfn;help;create-state-machine-alias' {
            break
        }
        'sfn;help;delete-activity' {
            break
        }
        'sfn;help;delete-state-machine' {
            break
        }
        'sfn;help;delete-state-machine-alias' {
            break
        }
        'sfn;help;delete-state-machine-version' {
            break
        }
        'sfn;help;describe-activity' {
            break
        }
        'sfn;help;describe-execution' {
            break
        }
        'sfn;help;describe-map-run' {
            break
        }
        'sfn;help;describe-state-machine' {
            break
        }
        'sfn;help;describe-state-machine-alias' {
            break
        }
        'sfn;help;describe-state-machine-for-execution' {
            break
        }
        'sfn;help;get-activity-task' {
            break
        }
        'sfn;help;get-execution-history' {
            break
        }
        'sfn;help;list-activities' {
            break
        }
        'sfn;help;list-executions' {
            break
        }
        'sfn;help;list-map-runs' {
            break
        }
        'sfn;help;list-state-machine-aliases' {
            break
        }
        'sfn;help;list-state-machine-versions' {
            break
        }
        'sfn;help;list-state-machines' {
            break
        }
        'sfn;help;list-tags-for-resource' {
            break
        }
        'sfn;help;publish-state-machine-version' {
            break
        }
        'sfn;help;redrive-execution' {
            break
        }
        'sfn;help;send-task-failure' {
            break
        }
        'sfn;help;send-task-heartbeat' {
            break
        }
        'sfn;help;send-task-success' {
            break
        }
        'sfn;help;start-execution' {
            break
        }
        'sfn;help;start-sync-execution' {
            break
        }
        'sfn;help;stop-execution' {
            break
        }
        'sfn;help;tag-resource' {
            break
        }
        'sfn;help;test-state' {
            break
        }
        'sfn;help;untag-resource' {
            break
        }
        'sfn;help;update-map-run' {
            break
        }
        'sfn;help;update-state-machine' {
            break
        }
        'sfn;help;update-state-machine-alias' {
            break
        }
        'sfn;help;validate-state-machine-definition' {
            break
        }
        'sfn;help;run' {
            break
        }
        'sfn;help;graph' {
            break
        }
        'sfn;help;ls' {
            break
        }
        'sfn;help;history' {
            break
        }
        'sfn;help;watch' {
            break
        }
        'sfn;help;logs' {
            break
        }
        'sfn;help;stats' {
            break
        }
        'sfn;help;lint' {
            break
        }
        'sfn;help;deploy' {
            break
        }
        'sfn;help;resume' {
            break
        }
        'sfn;help;completions' {
            break
        }
        'sfn;help;__complete' {
            break
        }
        'sfn;help;man' {
            break
        }
        'sfn;help;serve' {
            break
        }
        'sfn;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
