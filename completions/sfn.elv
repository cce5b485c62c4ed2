
use builtin;
use str;

set edit:completion:arg-completer[sfn] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'sfn'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'sfn'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create-activity 'Creates an activity.'
            cand create-state-machine 'Creates a state machine.'
            cand create-state-machine-alias 'Creates an alias for a state machine that points to one or two versions of the same state machine.'
            cand delete-activity 'Deletes an activity.'
            cand delete-state-machine 'Deletes a state machine.'
            cand delete-state-machine-alias 'Deletes a state machine alias.'
            cand delete-state-machine-version 'Deletes a state machine version.'
            cand describe-activity 'Describes an activity.'
            cand describe-map-run 'Provides information about a Map Run''s configuration, progress, and results.'
            cand describe-state-machine 'Provides information about a state machine''s definition, its IAM role Amazon Resource Name (ARN), and configuration.'
            cand describe-state-machine-alias 'Returns details about a state machine alias.'
            cand describe-state-machine-for-execution 'Provides information about a state machine''s definition, its execution role ARN, and configuration.'
            cand get-activity-task 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.'
            cand list-activities 'Lists the existing activities.'
            cand list-executions 'Lists all executions of a state machine or a Map Run.'
            cand list-map-runs 'Lists all Map Runs that were started by a given state machine execution.'
            cand list-state-machine-aliases 'Lists aliases for a specified state machine ARN.'
            cand list-state-machine-versions 'Lists versions for the specified state machine Amazon Resource Name (ARN).'
            cand list-state-machines 'Lists the existing state machines.'
            cand list-tags-for-resource 'List tags for a given resource.'
            cand publish-state-machine-version 'Creates a version from the current revision of a state machine.'
            cand redrive-execution 'Restarts unsuccessful executions of Standard workflows that didn''t complete successfully in the last 14 days.'
            cand send-task-failure 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.'
            cand send-task-heartbeat 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.'
            cand send-task-success 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.'
            cand start-execution 'Starts a state machine execution.'
            cand start-sync-execution 'Starts a Synchronous Express state machine execution.'
            cand stop-execution 'Stops an execution.'
            cand tag-resource 'Add a tag to a Step Functions resource.'
            cand test-state 'Accepts the definition of a single state and executes it.'
            cand untag-resource 'Remove a tag from a Step Functions resource'
            cand update-map-run 'Updates an in-progress Map Run''s configuration to include changes to the settings that control maximum concurrency and Map Run failure.'
            cand update-state-machine 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.'
            cand update-state-machine-alias 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.'
            cand validate-state-machine-definition 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.'
            cand run 'Create or update a state machine from a definition file, run it and print its output'
            cand graph 'Draw a workflow as a Graphviz (dot) or Mermaid graph'
            cand ls 'List the newest executions, one line each (across state machines, or of one)'
            cand history 'Show an execution''s history as a table: states, iterations, retries, what changed'
            cand watch 'Follow a running execution live, then print its history (like sfn run)'
            cand stats 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine'
            cand lint 'Validate state machine definition files (for CI)'
            cand resume 'Run on the executions whose sfn process died'
            cand completions 'Print shell completions for sfn'
            cand __complete 'Names for shell completion, from the store'
            cand man 'Write man pages for sfn and each of its commands into a directory'
            cand get-execution-history 'Returns the history of the specified execution as a list of events.'
            cand describe-execution 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sfn;create-activity'= {
            cand --name 'The name of the activity to create. This name must be unique for your Amazon Web Services account and region. [required]'
            cand --tags 'The list of tags to add to a resource.'
            cand --encryption-configuration 'Settings to configure server-side encryption.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;create-state-machine'= {
            cand --name 'The name of the state machine. [required]'
            cand --definition 'The Amazon States Language definition of the state machine. See Amazon States Language. [required]'
            cand --role-arn 'The Amazon Resource Name (ARN) of the IAM role to use for this state machine. [required]'
            cand --type 'Determines whether a Standard or Express state machine is created. The default is STANDARD. You cannot update the type of a state machine once it has been created. [possible values: STANDARD, EXPRESS]'
            cand --logging-configuration 'Defines what execution history events are logged and where they are logged.'
            cand --tags 'Tags to be added when creating a state machine.'
            cand --tracing-configuration 'Selects whether X-Ray tracing is enabled.'
            cand --version-description 'Sets description about the state machine version. You can only set the description if the publish parameter is set to true. Otherwise, if you set versionDescription, but publish to false, this API action throws ValidationException.'
            cand --encryption-configuration 'Settings to configure server-side encryption.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --publish 'Set to true to publish the first version of the state machine during creation. The default is false.'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;create-state-machine-alias'= {
            cand --description 'A description for the state machine alias.'
            cand --name 'The name of the state machine alias. [required]'
            cand --routing-configuration 'The routing configuration of a state machine alias. The routing configuration shifts execution traffic between two state machine versions. routingConfiguration contains an array of RoutingConfig objects that specify up to two state machine versions. Step Functions then randomly choses which version to run an execution with based on the weight assigned to each RoutingConfig. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;delete-activity'= {
            cand --activity-arn 'The Amazon Resource Name (ARN) of the activity to delete. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;delete-state-machine'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine to delete. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;delete-state-machine-alias'= {
            cand --state-machine-alias-arn 'The Amazon Resource Name (ARN) of the state machine alias to delete. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;delete-state-machine-version'= {
            cand --state-machine-version-arn 'The Amazon Resource Name (ARN) of the state machine version to delete. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-activity'= {
            cand --activity-arn 'The Amazon Resource Name (ARN) of the activity to describe. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-map-run'= {
            cand --map-run-arn 'The Amazon Resource Name (ARN) that identifies a Map Run. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-state-machine'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine for which you want the information. [required]'
            cand --included-data 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-state-machine-alias'= {
            cand --state-machine-alias-arn 'The Amazon Resource Name (ARN) of the state machine alias. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-state-machine-for-execution'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution you want state machine information for. [required]'
            cand --included-data 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;get-activity-task'= {
            cand --activity-arn 'The Amazon Resource Name (ARN) of the activity to retrieve tasks from (assigned when you create the task using CreateActivity.) [required]'
            cand --worker-name 'You can provide an arbitrary name in order to identify the worker that the task is assigned to. This name is used when it is logged in the execution history.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-activities'= {
            cand --starting-token 'A token from a previous truncated response, to resume paginating'
            cand --page-size 'Number of items per service call (does not change the output)'
            cand --max-items 'Total number of items to return; prints a NextToken to resume'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-executions'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine whose executions is listed.'
            cand --status-filter 'If specified, only list the executions whose current execution status matches the given filter. [possible values: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]'
            cand --map-run-arn 'The Amazon Resource Name (ARN) of the Map Run that started the child workflow executions. If the mapRunArn field is specified, a list of all of the child workflow executions started by a Map Run is returned. For more information, see Examining Map Run in the Step Functions Developer Guide.'
            cand --redrive-filter 'Sets a filter to list executions based on whether or not they have been redriven. [possible values: REDRIVEN, NOT_REDRIVEN]'
            cand --starting-token 'A token from a previous truncated response, to resume paginating'
            cand --page-size 'Number of items per service call (does not change the output)'
            cand --max-items 'Total number of items to return; prints a NextToken to resume'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-map-runs'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution for which the Map Runs must be listed. [required]'
            cand --starting-token 'A token from a previous truncated response, to resume paginating'
            cand --page-size 'Number of items per service call (does not change the output)'
            cand --max-items 'Total number of items to return; prints a NextToken to resume'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-state-machine-aliases'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine for which you want to list aliases. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-state-machine-versions'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-state-machines'= {
            cand --starting-token 'A token from a previous truncated response, to resume paginating'
            cand --page-size 'Number of items per service call (does not change the output)'
            cand --max-items 'Total number of items to return; prints a NextToken to resume'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;list-tags-for-resource'= {
            cand --resource-arn 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;publish-state-machine-version'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine. [required]'
            cand --revision-id 'Only publish the state machine version if the current state machine''s revision ID matches the specified ID.'
            cand --description 'An optional description of the state machine version.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;redrive-execution'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution to be redriven. [required]'
            cand --client-token 'A unique, case-sensitive identifier that you provide to ensure the idempotency of the request. If you don’t specify a client token, the Amazon Web Services SDK automatically generates a client token and uses it for the request to ensure idempotency. The API will return idempotent responses for the last 10 client tokens used to successfully redrive the execution. These client tokens are valid for up to 15 minutes after they are first used.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;send-task-failure'= {
            cand --task-token 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]'
            cand --error 'The error code of the failure.'
            cand --cause 'A more detailed explanation of the cause of the failure.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;send-task-heartbeat'= {
            cand --task-token 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;send-task-success'= {
            cand --task-token 'The token that represents this task. Task tokens are generated by Step Functions when tasks are assigned to a worker, or in the context object when a workflow enters a task state. See GetActivityTaskOutput$taskToken. [required]'
            cand --task-output 'The JSON output of the task. Length constraints apply to the payload size, and are expressed as bytes in UTF-8 encoding. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;start-execution'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine to execute. [required]'
            cand --name 'Optional name of the execution. For STANDARD workflows, this name must be unique for your Amazon Web Services account, region, and state machine. If a previous execution with the same name exists, you can reuse the name 90 days after it closes. For EXPRESS workflows, execution names can be reused immediately. For more information, see Limits Related to State Machine Executions in the Step Functions Developer Guide.'
            cand --input 'The string that contains the JSON input data for the execution, for example: "{\"first_name\" : \"Alejandro\"}"'
            cand --trace-header 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;start-sync-execution'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine to execute. [required]'
            cand --name 'The name of the execution.'
            cand --input 'The string that contains the JSON input data for the execution, for example: "{\"first_name\" : \"Alejandro\"}"'
            cand --trace-header 'Passes the X-Ray trace header. The trace header can also be passed in the request payload.'
            cand --included-data 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call the API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;stop-execution'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution to stop. [required]'
            cand --error 'The error code of the failure.'
            cand --cause 'A more detailed explanation of the cause of the failure.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;tag-resource'= {
            cand --resource-arn 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]'
            cand --tags 'The list of tags to add to a resource. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;test-state'= {
            cand --definition 'The Amazon States Language (ASL) definition of the state or state machine. [required]'
            cand --role-arn 'The Amazon Resource Name (ARN) of the execution role with the required IAM permissions for the state.'
            cand --input 'A string that contains the JSON input data for the state.'
            cand --inspection-level 'Determines the values to return when a state is tested. You can specify one of the following types: INFO: Shows the final state output. By default, Step Functions sets inspectionLevel to INFO if you don''t specify a level. [possible values: INFO, DEBUG, TRACE]'
            cand --variables 'JSON object literal that sets variables used in the state under test. Object keys are the variable names and values are the variable values.'
            cand --state-name 'Denotes the particular state within a state machine definition to be tested. If this field is specified, the definition must contain a fully-formed state machine definition.'
            cand --mock 'Defines a mocked result or error for the state under test.'
            cand --context 'A JSON string representing a valid Context object for the state under test. This field may only be specified if a mock is specified in the same request.'
            cand --state-configuration 'Contains configurations for the state under test.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --reveal-secrets 'Specifies whether or not to include secret information in the test result. For HTTP Tasks, a secret includes the data that an EventBridge connection adds to modify the HTTP request headers, query parameters, and body. Step Functions doesn''t omit any information included in the state definition or the HTTP response.'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;untag-resource'= {
            cand --resource-arn 'The Amazon Resource Name (ARN) for the Step Functions state machine or activity. [required]'
            cand --tag-keys 'The list of tags to remove from the resource. [required]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;update-map-run'= {
            cand --map-run-arn 'The Amazon Resource Name (ARN) of a Map Run. [required]'
            cand --max-concurrency 'The maximum number of child workflow executions that can be specified to run in parallel for the Map Run at the same time.'
            cand --tolerated-failure-percentage 'The maximum percentage of failed items before the Map Run fails.'
            cand --tolerated-failure-count 'The maximum number of failed items before the Map Run fails.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;update-state-machine'= {
            cand --state-machine-arn 'The Amazon Resource Name (ARN) of the state machine. [required]'
            cand --definition 'The Amazon States Language definition of the state machine. See Amazon States Language.'
            cand --role-arn 'The Amazon Resource Name (ARN) of the IAM role of the state machine.'
            cand --logging-configuration 'Use the LoggingConfiguration data type to set CloudWatch Logs options.'
            cand --tracing-configuration 'Selects whether X-Ray tracing is enabled.'
            cand --version-description 'An optional description of the state machine version to publish.'
            cand --encryption-configuration 'Settings to configure server-side encryption.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --publish 'Specifies whether the state machine version is published. The default is false. To publish a version after updating the state machine, set publish to true.'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;update-state-machine-alias'= {
            cand --state-machine-alias-arn 'The Amazon Resource Name (ARN) of the state machine alias. [required]'
            cand --description 'A description of the state machine alias.'
            cand --routing-configuration 'The routing configuration of the state machine alias.'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;validate-state-machine-definition'= {
            cand --definition 'The Amazon States Language definition of the state machine. For more information, see Amazon States Language (ASL). [required]'
            cand --type 'The target type of state machine for this definition. The default is STANDARD. [possible values: STANDARD, EXPRESS]'
            cand --severity 'Minimum level of diagnostics to return. ERROR returns only ERROR diagnostics, whereas WARNING returns both WARNING and ERROR diagnostics. The default is ERROR. [possible values: ERROR, WARNING]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;run'= {
            cand --input 'The execution input: JSON text, a file holding it (input.json) or file://path [default: {}]'
            cand --name 'State machine name [default: the file name without .json and .asl, or the folder''s name for definition.asl.json]'
            cand --execution-name 'Name of the execution [default: a random UUID]'
            cand --test-case 'Run with this test case of the --mock-config file (as <arn>#<test case> does for start-execution)'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --full 'In tables for people, show payloads whole instead of shortened to one line'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;graph'= {
            cand --definition 'The definition to draw: JSON text or file://path'
            cand --state-machine-arn 'Draw this stored state machine (or version or alias)'
            cand --execution-arn 'Draw the state machine of this execution, coloured by the path it took'
            cand --format 'Graph language: dot (Graphviz) or mermaid'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;ls'= {
            cand --status 'Only executions with this status: running, succeeded, failed, timed_out, aborted or pending_redrive'
            cand -n 'How many executions to list'
            cand --limit 'How many executions to list'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;history'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --full 'In tables for people, show payloads whole instead of shortened to one line'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;watch'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --full 'In tables for people, show payloads whole instead of shortened to one line'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;stats'= {
            cand --since 'Only executions started in the last AGE: 30s, 15m, 1h, 7d'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;lint'= {
            cand --format 'Output: human lines, GitHub Actions annotations, or JSON'
            cand --type 'Validate as this state machine type'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --deny-warnings 'Exit 1 on warnings too'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;resume'= {
            cand --execution-arn 'Resume only this execution'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;completions'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;__complete'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'sfn;man'= {
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'sfn;get-execution-history'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution. [required]'
            cand --starting-token 'A token from a previous truncated response, to resume paginating'
            cand --page-size 'Number of items per service call (does not change the output)'
            cand --max-items 'Total number of items to return; prints a NextToken to resume'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --reverse-order 'Lists events in descending order of their timeStamp.'
            cand --include-execution-data 'You can select whether execution data (input or output of a history event) is returned. The default is true.'
            cand --full 'In tables for people, show payloads whole instead of shortened to one line'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;describe-execution'= {
            cand --execution-arn 'The Amazon Resource Name (ARN) of the execution to describe. [required]'
            cand --included-data 'If your state machine definition is encrypted with a KMS key, callers must have kms:Decrypt permission to decrypt the definition. Alternatively, you can call DescribeStateMachine API with includedData = METADATA_ONLY to get a successful response without the encrypted definition. [possible values: ALL_DATA, METADATA_ONLY]'
            cand --cli-input-json 'Read arguments from this JSON (or file://); explicit flags win'
            cand --generate-cli-skeleton 'Print a JSON skeleton of the input (default) or output, then exit'
            cand --db 'SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]'
            cand --region 'Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]'
            cand --output 'Output format: json, text or table [default: json]'
            cand --query 'JMESPath query applied to the response'
            cand --mock-config 'Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]'
            cand --handlers 'Local handlers file for Task states [default: $SFN_HANDLERS]'
            cand --full 'In tables for people, show payloads whole instead of shortened to one line'
            cand --no-paginate 'Make a single call, without automatic pagination'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sfn;help'= {
            cand create-activity 'Creates an activity.'
            cand create-state-machine 'Creates a state machine.'
            cand create-state-machine-alias 'Creates an alias for a state machine that points to one or two versions of the same state machine.'
            cand delete-activity 'Deletes an activity.'
            cand delete-state-machine 'Deletes a state machine.'
            cand delete-state-machine-alias 'Deletes a state machine alias.'
            cand delete-state-machine-version 'Deletes a state machine version.'
            cand describe-activity 'Describes an activity.'
            cand describe-map-run 'Provides information about a Map Run''s configuration, progress, and results.'
            cand describe-state-machine 'Provides information about a state machine''s definition, its IAM role Amazon Resource Name (ARN), and configuration.'
            cand describe-state-machine-alias 'Returns details about a state machine alias.'
            cand describe-state-machine-for-execution 'Provides information about a state machine''s definition, its execution role ARN, and configuration.'
            cand get-activity-task 'Used by workers to retrieve a task (with the specified activity ARN) which has been scheduled for execution by a running state machine.'
            cand list-activities 'Lists the existing activities.'
            cand list-executions 'Lists all executions of a state machine or a Map Run.'
            cand list-map-runs 'Lists all Map Runs that were started by a given state machine execution.'
            cand list-state-machine-aliases 'Lists aliases for a specified state machine ARN.'
            cand list-state-machine-versions 'Lists versions for the specified state machine Amazon Resource Name (ARN).'
            cand list-state-machines 'Lists the existing state machines.'
            cand list-tags-for-resource 'List tags for a given resource.'
            cand publish-state-machine-version 'Creates a version from the current revision of a state machine.'
            cand redrive-execution 'Restarts unsuccessful executions of Standard workflows that didn''t complete successfully in the last 14 days.'
            cand send-task-failure 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken failed.'
            cand send-task-heartbeat 'Used by activity workers and Task states using the callback pattern, and optionally Task states using the job run pattern to report to Step Functions that the task represented by the specified taskToken is still making progress.'
            cand send-task-success 'Used by activity workers, Task states using the callback pattern, and optionally Task states using the job run pattern to report that the task identified by the taskToken completed successfully.'
            cand start-execution 'Starts a state machine execution.'
            cand start-sync-execution 'Starts a Synchronous Express state machine execution.'
            cand stop-execution 'Stops an execution.'
            cand tag-resource 'Add a tag to a Step Functions resource.'
            cand test-state 'Accepts the definition of a single state and executes it.'
            cand untag-resource 'Remove a tag from a Step Functions resource'
            cand update-map-run 'Updates an in-progress Map Run''s configuration to include changes to the settings that control maximum concurrency and Map Run failure.'
            cand update-state-machine 'Updates an existing state machine by modifying its definition, roleArn, loggingConfiguration, or EncryptionConfiguration.'
            cand update-state-machine-alias 'Updates the configuration of an existing state machine alias by modifying its description or routingConfiguration.'
            cand validate-state-machine-definition 'Validates the syntax of a state machine definition specified in Amazon States Language (ASL), a JSON-based, structured language.'
            cand run 'Create or update a state machine from a definition file, run it and print its output'
            cand graph 'Draw a workflow as a Graphviz (dot) or Mermaid graph'
            cand ls 'List the newest executions, one line each (across state machines, or of one)'
            cand history 'Show an execution''s history as a table: states, iterations, retries, what changed'
            cand watch 'Follow a running execution live, then print its history (like sfn run)'
            cand stats 'Executions started, succeeded, failed, timed out and aborted, and durations, per state machine'
            cand lint 'Validate state machine definition files (for CI)'
            cand resume 'Run on the executions whose sfn process died'
            cand completions 'Print shell completions for sfn'
            cand __complete 'Names for shell completion, from the store'
            cand man 'Write man pages for sfn and each of its commands into a directory'
            cand get-execution-history 'Returns the history of the specified execution as a list of events.'
            cand describe-execution 'Provides information about a state machine execution, such as the state machine associated with the execution, the execution input and output, and relevant execution metadata.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sfn;help;create-activity'= {
        }
        &'sfn;help;create-state-machine'= {
        }
        &'sfn;help;create-state-machine-alias'= {
        }
        &'sfn;help;delete-activity'= {
        }
        &'sfn;help;delete-state-machine'= {
        }
        &'sfn;help;delete-state-machine-alias'= {
        }
        &'sfn;help;delete-state-machine-version'= {
        }
        &'sfn;help;describe-activity'= {
        }
        &'sfn;help;describe-map-run'= {
        }
        &'sfn;help;describe-state-machine'= {
        }
        &'sfn;help;describe-state-machine-alias'= {
        }
        &'sfn;help;describe-state-machine-for-execution'= {
        }
        &'sfn;help;get-activity-task'= {
        }
        &'sfn;help;list-activities'= {
        }
        &'sfn;help;list-executions'= {
        }
        &'sfn;help;list-map-runs'= {
        }
        &'sfn;help;list-state-machine-aliases'= {
        }
        &'sfn;help;list-state-machine-versions'= {
        }
        &'sfn;help;list-state-machines'= {
        }
        &'sfn;help;list-tags-for-resource'= {
        }
        &'sfn;help;publish-state-machine-version'= {
        }
        &'sfn;help;redrive-execution'= {
        }
        &'sfn;help;send-task-failure'= {
        }
        &'sfn;help;send-task-heartbeat'= {
        }
        &'sfn;help;send-task-success'= {
        }
        &'sfn;help;start-execution'= {
        }
        &'sfn;help;start-sync-execution'= {
        }
        &'sfn;help;stop-execution'= {
        }
        &'sfn;help;tag-resource'= {
        }
        &'sfn;help;test-state'= {
        }
        &'sfn;help;untag-resource'= {
        }
        &'sfn;help;update-map-run'= {
        }
        &'sfn;help;update-state-machine'= {
        }
        &'sfn;help;update-state-machine-alias'= {
        }
        &'sfn;help;validate-state-machine-definition'= {
        }
        &'sfn;help;run'= {
        }
        &'sfn;help;graph'= {
        }
        &'sfn;help;ls'= {
        }
        &'sfn;help;history'= {
        }
        &'sfn;help;watch'= {
        }
        &'sfn;help;stats'= {
        }
        &'sfn;help;lint'= {
        }
        &'sfn;help;resume'= {
        }
        &'sfn;help;completions'= {
        }
        &'sfn;help;__complete'= {
        }
        &'sfn;help;man'= {
        }
        &'sfn;help;get-execution-history'= {
        }
        &'sfn;help;describe-execution'= {
        }
        &'sfn;help;help'= {
        }
    ]
    $completions[$command]
}
