# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_sfn_global_optspecs
    string join \n db= region= output= query= no-paginate mock-config= handlers= quiet profile= color= debug endpoint-url= no-cli-pager no-verify-ssl no-sign-request ca-bundle= cli-read-timeout= cli-connect-timeout= cli-binary-format= no-cli-auto-prompt h/help V/version
end

function __fish_sfn_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_sfn_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_sfn_using_subcommand
    set -l cmd (__fish_sfn_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c sfn -n "__fish_sfn_needs_command" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_needs_command" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_needs_command" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_needs_command" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_needs_command" -s h -l help -d 'Print help'
complete -c sfn -n "__fish_sfn_needs_command" -s V -l version -d 'Print version'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "create-activity" -d 'Creates an activity.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "create-state-machine" -d 'Creates a state machine.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "create-state-machine-alias" -d 'Creates an alias for a state machine that points to one or two versions of the same state machine.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "delete-activity" -d 'Deletes an activity.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "delete-state-machine" -d 'Deletes a state machine.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "delete-state-machine-alias" -d 'Deletes a state machine alias.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "delete-state-machine-version" -d 'Deletes a state machine version.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-activity" -d 'Describes an activity.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-execution" -d 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-map-run" -d 'Provides information about a Map Run\'s configuration, progress, and results.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-state-machine" -d 'Provides information about a state machine\'s definition, its IAM role Amazon Resource Name (ARN), and configuration.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-state-machine-alias" -d 'Returns details about a state machine alias.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "describe-state-machine-for-execution" -d 'Provides information about a state machine\'s definition, its execution role ARN, and configuration.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "get-activity-task" -d 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "get-execution-history" -d 'Returns the history of the specified execution as a list of events.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-activities" -d 'Lists the existing activities.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-executions" -d 'Lists all executions of a state machine or a Map Run.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-map-runs" -d 'Lists all Map Runs that were started by a given state machine execution.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-state-machine-aliases" -d 'Lists aliases for a specified state machine ARN.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-state-machine-versions" -d 'Lists versions for the specified state machine Amazon Resource Name (ARN).'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-state-machines" -d 'Lists the existing state machines.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "list-tags-for-resource" -d 'List tags for a given resource.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "publish-state-machine-version" -d 'Creates a version from the current revision of a state machine.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "redrive-execution" -d 'Restarts unsuccessful executions of Standard workflows that didn\'t complete successfully in the last 14 days.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "send-task-failure" -d 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "send-task-heartbeat" -d 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "send-task-success" -d 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "start-execution" -d 'Starts a state machine execution.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "start-sync-execution" -d 'Starts a Synchronous Express state machine execution.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "stop-execution" -d 'Stops an execution.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "tag-resource" -d 'Add a tag to a Step Functions resource.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "test-state" -d 'Accepts the definition of a single state and executes it.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "untag-resource" -d 'Remove a tag from a Step Functions resource'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "update-map-run" -d 'Updates an in-progress Map Run\'s configuration to include changes to the settings that control maximum concurrency and Map Run failure.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "update-state-machine" -d 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "update-state-machine-alias" -d 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "validate-state-machine-definition" -d 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "run" -d 'Create or update a state machine from a definition file, run it and print its output'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "graph" -d 'Draw a workflow as a Graphviz (dot), Mermaid or SVG graph'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "ls" -d 'List the newest executions, one line each (across state machines, or of one)'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "history" -d 'Show an execution\'s history as a table: states, iterations, retries, what changed'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "watch" -d 'Follow a running execution live, then print its history (like sfn run)'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "stats" -d 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "lint" -d 'Validate state machine definitions and SAM/CloudFormation templates (for CI)'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "deploy" -d 'Create or update a SAM/CloudFormation template\'s state machines, activities and functions locally'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "resume" -d 'Run on the executions whose sfn process died'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "completions" -d 'Print shell completions for sfn'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "__complete" -d 'Names for shell completion, from the store'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "man" -d 'Write man pages for sfn and each of its commands into a directory'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "serve" -d 'Serve the Step Functions API on HTTP (a drop-in for Step Functions Local)'
complete -c sfn -n "__fish_sfn_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l name -d 'The name of the activity to create. This name must be unique for your Amazon Web Services account and region. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l tags -d 'The list of tags to add to a resource.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l encryption-configuration -d 'Settings to configure server-side encryption.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand create-activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l name -d 'The name of the state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l definition -d 'The Amazon States Language definition of the state machine. See Amazon States Language. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l role-arn -d 'The Amazon Resource Name (ARN) of the IAM role to use for this state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l type -d 'Determines whether a Standard or Express state machine is created. The default is STANDARD. You cannot update the type of a state machine once it has been created. [possible values: STANDARD, EXPRESS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l logging-configuration -d 'Defines what execution history events are logged and where they are logged.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l tags -d 'Tags to be added when creating a state machine.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l tracing-configuration -d 'Selects whether X-Ray tracing is enabled.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l version-description -d 'Sets description about the state machine version. You can only set the description if the publish parameter is set to true. Otherwise, if you set versionDescription, but publish to false, this API action throws ValidationException.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l encryption-configuration -d 'Settings to configure server-side encryption.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l publish -d 'Set to true to publish the first version of the state machine during creation. The default is false.'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l no-publish
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l description -d 'A description for the state machine alias.' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l name -d 'The name of the state machine alias. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l routing-configuration -d 'The routing configuration of a state machine alias. The routing configuration shifts execution traffic between two state machine versions. routingConfiguration contains an array of RoutingConfig objects that specify up to two state machine versions. Step Functions then randomly choses which version to run an execution with based on the weight assigned to each RoutingConfig. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand create-state-machine-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l activity-arn -d 'The Amazon Resource Name (ARN) of the activity to delete. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand delete-activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine to delete. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l state-machine-alias-arn -d 'The Amazon Resource Name (ARN) of the state machine alias to delete. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l state-machine-version-arn -d 'The Amazon Resource Name (ARN) of the state machine version to delete. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand delete-state-machine-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l activity-arn -d 'The Amazon Resource Name (ARN) of the activity to describe. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution to describe. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l included-data -d 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call DescribeStateMachine API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l map-run-arn -d 'The Amazon Resource Name (ARN) that identifies a Map Run. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-map-run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine for which you want the information. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l included-data -d 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l state-machine-alias-arn -d 'The Amazon Resource Name (ARN) of the state machine alias. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution you want state machine information for. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l included-data -d 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand describe-state-machine-for-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l activity-arn -d 'The Amazon Resource Name (ARN) of the activity to retrieve tasks from (assigned when you create the task using CreateActivity.) [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l worker-name -d 'You can provide an arbitrary name in order to identify the worker that the task is assigned to. This name is used when it is logged in the execution history.' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand get-activity-task" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l starting-token -d 'A token from a previous truncated response, to resume paginating' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l page-size -d 'Number of items per service call (does not change the output)' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l max-items -d 'Total number of items to return; prints a NextToken to resume' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l reverse-order -d 'Lists events in descending order of their timeStamp.'
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l no-reverse-order
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l include-execution-data -d 'You can select whether execution data (input or output of a history event) is returned. The default is true.'
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l no-include-execution-data
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand get-execution-history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l starting-token -d 'A token from a previous truncated response, to resume paginating' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l page-size -d 'Number of items per service call (does not change the output)' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l max-items -d 'Total number of items to return; prints a NextToken to resume' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-activities" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine whose executions is listed.' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l status-filter -d 'If specified, only list the executions whose current execution status matches the given filter. [possible values: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l map-run-arn -d 'The Amazon Resource Name (ARN) of the Map Run that started the child workflow executions. If the mapRunArn field is specified, a list of all of the child workflow executions started by a Map Run is returned. For more information, see Examining Map Run in the Step Functions Developer Guide.' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l redrive-filter -d 'Sets a filter to list executions based on whether or not they have been redriven. [possible values: REDRIVEN, NOT_REDRIVEN]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l starting-token -d 'A token from a previous truncated response, to resume paginating' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l page-size -d 'Number of items per service call (does not change the output)' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l max-items -d 'Total number of items to return; prints a NextToken to resume' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-executions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution for which the Map Runs must be listed. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l starting-token -d 'A token from a previous truncated response, to resume paginating' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l page-size -d 'Number of items per service call (does not change the output)' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l max-items -d 'Total number of items to return; prints a NextToken to resume' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-map-runs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine for which you want to list aliases. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-aliases" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machine-versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l starting-token -d 'A token from a previous truncated response, to resume paginating' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l page-size -d 'Number of items per service call (does not change the output)' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l max-items -d 'Total number of items to return; prints a NextToken to resume' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-state-machines" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l resource-arn -d 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand list-tags-for-resource" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l revision-id -d 'Only publish the state machine version if the current state machine\'s revision ID matches the specified ID.' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l description -d 'An optional description of the state machine version.' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand publish-state-machine-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution to be redriven. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l client-token -d 'A unique, case-sensitive identifier that you provide to ensure the idempotency of the request. If you don’t specify a client token, the Amazon Web Services SDK automatically generates a client token and uses it for the request to ensure idempotency. The API will return idempotent responses for the last 10 client tokens used to successfully redrive the execution. These client tokens are valid for up to 15 minutes after they are first used.' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand redrive-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l task-token -d 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l error -d 'The error code of the failure.' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l cause -d 'A more detailed explanation of the cause of the failure.' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-failure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l task-token -d 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-heartbeat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l task-token -d 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l task-output -d 'The JSON output of the task. Length constraints apply to the payload size, and are expressed as bytes in UTF-8 encoding. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand send-task-success" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine to execute. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l name -d 'Optional name of the execution. For STANDARD workflows, this name must be unique for your Amazon Web Services account, region, and state machine. If a previous execution with the same name exists, you can reuse the name 90 days after it closes. For EXPRESS workflows, execution names can be reused immediately. For more information, see Limits Related to State Machine Executions in the Step Functions Developer Guide.' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l input -d 'The string that contains the JSON input data for the execution, for example: "{\\"first_name\\" : \\"Alejandro\\"}"' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l trace-header -d 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand start-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine to execute. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l name -d 'The name of the execution.' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l input -d 'The string that contains the JSON input data for the execution, for example: "{\\"first_name\\" : \\"Alejandro\\"}"' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l trace-header -d 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l included-data -d 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand start-sync-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l execution-arn -d 'The Amazon Resource Name (ARN) of the execution to stop. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l error -d 'The error code of the failure.' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l cause -d 'A more detailed explanation of the cause of the failure.' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand stop-execution" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l resource-arn -d 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l tags -d 'The list of tags to add to a resource. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand tag-resource" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l definition -d 'The Amazon States Language (ASL) definition of the state or state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l role-arn -d 'The Amazon Resource Name (ARN) of the execution role with the required IAM permissions for the state.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l input -d 'A string that contains the JSON input data for the state.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l inspection-level -d 'Determines the values to return when a state is tested. You can specify one of the following types: INFO: Shows the final state output. By default, Step Functions sets inspectionLevel to INFO if you don\'t specify a level. [possible values: INFO, DEBUG, TRACE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l variables -d 'JSON object literal that sets variables used in the state under test. Object keys are the variable names and values are the variable values.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l state-name -d 'Denotes the particular state within a state machine definition to be tested. If this field is specified, the definition must contain a fully-formed state machine definition.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l mock -d 'Defines a mocked result or error for the state under test.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l context -d 'A JSON string representing a valid Context object for the state under test. This field may only be specified if a mock is specified in the same request.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l state-configuration -d 'Contains configurations for the state under test.' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l reveal-secrets -d 'Specifies whether or not to include secret information in the test result. For HTTP Tasks, a secret includes the data that an EventBridge connection adds to modify the HTTP request headers, query parameters, and body. Step Functions doesn\'t omit any information included in the state definition or the HTTP response.'
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l no-reveal-secrets
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand test-state" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l resource-arn -d 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l tag-keys -d 'The list of tags to remove from the resource. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand untag-resource" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l map-run-arn -d 'The Amazon Resource Name (ARN) of a Map Run. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l max-concurrency -d 'The maximum number of child workflow executions that can be specified to run in parallel for the Map Run at the same time.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l tolerated-failure-percentage -d 'The maximum percentage of failed items before the Map Run fails.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l tolerated-failure-count -d 'The maximum number of failed items before the Map Run fails.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand update-map-run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l state-machine-arn -d 'The Amazon Resource Name (ARN) of the state machine. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l definition -d 'The Amazon States Language definition of the state machine. See Amazon States Language.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l role-arn -d 'The Amazon Resource Name (ARN) of the IAM role of the state machine.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l logging-configuration -d 'Use the LoggingConfiguration data type to set CloudWatch Logs options.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l tracing-configuration -d 'Selects whether X-Ray tracing is enabled.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l version-description -d 'An optional description of the state machine version to publish.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l encryption-configuration -d 'Settings to configure server-side encryption.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l publish -d 'Specifies whether the state machine version is published. The default is false. To publish a version after updating the state machine, set publish to true.'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l no-publish
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l state-machine-alias-arn -d 'The Amazon Resource Name (ARN) of the state machine alias. [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l description -d 'A description of the state machine alias.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l routing-configuration -d 'The routing configuration of the state machine alias.' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand update-state-machine-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l definition -d 'The Amazon States Language definition of the state machine. For more information, see Amazon States Language (ASL). [required]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l type -d 'The target type of state machine for this definition. The default is STANDARD. [possible values: STANDARD, EXPRESS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l severity -d 'Minimum level of diagnostics to return. ERROR returns only ERROR diagnostics, whereas WARNING returns both WARNING and ERROR diagnostics. The default is ERROR. [possible values: ERROR, WARNING]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l cli-input-json -d 'Read arguments from this JSON (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l cli-input-yaml -d 'Read arguments from this YAML (or file://); explicit flags win' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l generate-cli-skeleton -d 'Print a skeleton of the input (default, JSON), output, or yaml-input, then exit' -r -f -a "input\t''
output\t''
yaml-input\t''"
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand validate-state-machine-definition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand run" -l input -d 'The execution input: JSON text, a file holding it (input.json) or file://path [default: {}]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l name -d 'State machine name [default: the file name without .json and .asl, or the folder\'s name for definition.asl.json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l execution-name -d 'Name of the execution [default: a random UUID]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l test-case -d 'Run with this test case of the --mock-config file (as <arn>#<test case> does for start-execution)' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand run" -l full -d 'In tables for people, show payloads whole instead of shortened to one line'
complete -c sfn -n "__fish_sfn_using_subcommand run" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand run" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l definition -d 'The definition to draw: JSON text or file://path' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l state-machine-arn -d 'Draw this stored state machine (or version or alias)' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l execution-arn -d 'Draw the state machine of this execution, coloured by the path it took' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l format -d 'Graph language: dot (Graphviz), mermaid, or svg (laid out by sfn itself)' -r -f -a "dot\t''
mermaid\t''
svg\t''"
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand graph" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand graph" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l status -d 'Only executions with this status: running, succeeded, failed, timed_out, aborted or pending_redrive' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -s n -l limit -d 'How many executions to list' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand ls" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand history" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand history" -l full -d 'In tables for people, show payloads whole instead of shortened to one line'
complete -c sfn -n "__fish_sfn_using_subcommand history" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand history" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l full -d 'In tables for people, show payloads whole instead of shortened to one line'
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand watch" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l since -d 'Only executions started in the last AGE: 30s, 15m, 1h, 7d' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand stats" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l format -d 'Output: human lines, GitHub Actions annotations, or JSON' -r -f -a "human\t''
github\t''
json\t''"
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l type -d 'Validate definition files as this state machine type (a template\'s machines use their own)' -r -f -a "STANDARD\t''
EXPRESS\t''"
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l parameter-overrides -d 'Template parameter values (others use their Default or a placeholder)' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l stack-name -d 'Stack name for AWS::StackName and generated names [default: the template\'s directory]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l deny-warnings -d 'Exit 1 on warnings too'
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand lint" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l parameter-overrides -d 'Template parameters, and values that cannot be known offline (an export name, Resource.Attribute)' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l stack-name -d 'Stack name for AWS::StackName and generated names [default: the template\'s directory]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l execution-arn -d 'Resume only this execution' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand resume" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand completions" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand __complete" -s h -l help -d 'Print help'
complete -c sfn -n "__fish_sfn_using_subcommand man" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand man" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand man" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand man" -s h -l help -d 'Print help'
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l host -d 'Address to listen on (0.0.0.0 exposes the server to the network)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l port -d 'Port to listen on (Step Functions Local\'s 8083 by default; 0 picks a free one)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l aws-account -d 'Account in ARNs (default: $AWS_ACCOUNT_ID, else 123456789012)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l aws-region -d 'Region in ARNs (default: $AWS_DEFAULT_REGION, $AWS_REGION, else us-east-1)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l wait-time-scale -d 'Factor on Wait and Retry delays, 0 skips them (default: $WAIT_TIME_SCALE, $SFN_WAIT_TIME_SCALE, else 1)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l allow-host -d 'Also answer requests whose Host is NAME (e.g. a docker-compose service name)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l allow-origin -d 'Also answer requests from the web origin ORIGIN (e.g. http://localhost:3000)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l lambda-endpoint -d 'As Step Functions Local\'s --lambda-endpoint (default: $LAMBDA_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l batch-endpoint -d 'As Step Functions Local\'s --batch-endpoint (default: $BATCH_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l dynamodb-endpoint -d 'As Step Functions Local\'s --dynamodb-endpoint (default: $DYNAMODB_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l ecs-endpoint -d 'As Step Functions Local\'s --ecs-endpoint (default: $ECS_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l glue-endpoint -d 'As Step Functions Local\'s --glue-endpoint (default: $GLUE_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l sagemaker-endpoint -d 'As Step Functions Local\'s --sagemaker-endpoint (default: $SAGE_MAKER_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l sqs-endpoint -d 'As Step Functions Local\'s --sqs-endpoint (default: $SQS_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l sns-endpoint -d 'As Step Functions Local\'s --sns-endpoint (default: $SNS_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l step-functions-endpoint -d 'As Step Functions Local\'s --step-functions-endpoint (default: $STEP_FUNCTIONS_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l eventbridge-endpoint -d 'As Step Functions Local\'s --eventbridge-endpoint (default: $EVENT_BRIDGE_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l athena-endpoint -d 'As Step Functions Local\'s --athena-endpoint (default: $ATHENA_ENDPOINT)' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l db -d 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l region -d 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l output -d 'Output format: json, text, table, yaml or yaml-stream [default: json]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l query -d 'JMESPath query applied to the response' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l mock-config -d 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l handlers -d 'Local handlers file for Task states [default: $SFN_HANDLERS]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l profile -d 'Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l color -d 'Colour in table output: on, off or auto [default: auto, colour at a terminal]' -r
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l no-paginate -d 'Make a single call, without automatic pagination'
complete -c sfn -n "__fish_sfn_using_subcommand serve" -l quiet -d 'Print nothing on success'
complete -c sfn -n "__fish_sfn_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "create-activity" -d 'Creates an activity.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "create-state-machine" -d 'Creates a state machine.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "create-state-machine-alias" -d 'Creates an alias for a state machine that points to one or two versions of the same state machine.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "delete-activity" -d 'Deletes an activity.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "delete-state-machine" -d 'Deletes a state machine.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "delete-state-machine-alias" -d 'Deletes a state machine alias.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "delete-state-machine-version" -d 'Deletes a state machine version.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-activity" -d 'Describes an activity.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-execution" -d 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-map-run" -d 'Provides information about a Map Run\'s configuration, progress, and results.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-state-machine" -d 'Provides information about a state machine\'s definition, its IAM role Amazon Resource Name (ARN), and configuration.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-state-machine-alias" -d 'Returns details about a state machine alias.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "describe-state-machine-for-execution" -d 'Provides information about a state machine\'s definition, its execution role ARN, and configuration.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "get-activity-task" -d 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "get-execution-history" -d 'Returns the history of the specified execution as a list of events.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-activities" -d 'Lists the existing activities.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-executions" -d 'Lists all executions of a state machine or a Map Run.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-map-runs" -d 'Lists all Map Runs that were started by a given state machine execution.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-state-machine-aliases" -d 'Lists aliases for a specified state machine ARN.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-state-machine-versions" -d 'Lists versions for the specified state machine Amazon Resource Name (ARN).'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-state-machines" -d 'Lists the existing state machines.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "list-tags-for-resource" -d 'List tags for a given resource.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "publish-state-machine-version" -d 'Creates a version from the current revision of a state machine.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "redrive-execution" -d 'Restarts unsuccessful executions of Standard workflows that didn\'t complete successfully in the last 14 days.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "send-task-failure" -d 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "send-task-heartbeat" -d 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "send-task-success" -d 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "start-execution" -d 'Starts a state machine execution.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "start-sync-execution" -d 'Starts a Synchronous Express state machine execution.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "stop-execution" -d 'Stops an execution.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "tag-resource" -d 'Add a tag to a Step Functions resource.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "test-state" -d 'Accepts the definition of a single state and executes it.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "untag-resource" -d 'Remove a tag from a Step Functions resource'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "update-map-run" -d 'Updates an in-progress Map Run\'s configuration to include changes to the settings that control maximum concurrency and Map Run failure.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "update-state-machine" -d 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "update-state-machine-alias" -d 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "validate-state-machine-definition" -d 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "run" -d 'Create or update a state machine from a definition file, run it and print its output'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "graph" -d 'Draw a workflow as a Graphviz (dot), Mermaid or SVG graph'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "ls" -d 'List the newest executions, one line each (across state machines, or of one)'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "history" -d 'Show an execution\'s history as a table: states, iterations, retries, what changed'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "watch" -d 'Follow a running execution live, then print its history (like sfn run)'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "stats" -d 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "lint" -d 'Validate state machine definitions and SAM/CloudFormation templates (for CI)'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "deploy" -d 'Create or update a SAM/CloudFormation template\'s state machines, activities and functions locally'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "resume" -d 'Run on the executions whose sfn process died'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "completions" -d 'Print shell completions for sfn'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "__complete" -d 'Names for shell completion, from the store'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "man" -d 'Write man pages for sfn and each of its commands into a directory'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "serve" -d 'Serve the Step Functions API on HTTP (a drop-in for Step Functions Local)'
complete -c sfn -n "__fish_sfn_using_subcommand help; and not __fish_seen_subcommand_from create-activity create-state-machine create-state-machine-alias delete-activity delete-state-machine delete-state-machine-alias delete-state-machine-version describe-activity describe-execution describe-map-run describe-state-machine describe-state-machine-alias describe-state-machine-for-execution get-activity-task get-execution-history list-activities list-executions list-map-runs list-state-machine-aliases list-state-machine-versions list-state-machines list-tags-for-resource publish-state-machine-version redrive-execution send-task-failure send-task-heartbeat send-task-success start-execution start-sync-execution stop-execution tag-resource test-state untag-resource update-map-run update-state-machine update-state-machine-alias validate-state-machine-definition run graph ls history watch stats lint deploy resume completions __complete man serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
