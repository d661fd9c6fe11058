// Alert rules; docs/runbook.md says what each means and what to do.
param location string
param tags object = {}
param namePrefix string
param applicationInsightsId string
param serviceBusId string
param queueNames array

@description('Action group notified by every alert; empty leaves the alerts visible in the portal only.')
param actionGroupId string

@description('Per flow: the longest expected gap between two landed extracts (ISO 8601 duration).')
param expectedLandingIntervals object

@description('Share of stage executions that may fail within an hour before the stage alert fires.')
param stageFailureRateThreshold string = '0.2'

var actionGroups = empty(actionGroupId) ? [] : [
  actionGroupId
]

// 1. A message reached a dead-letter queue: it failed maxDeliveryCount times and nothing retries it any more.
resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = [for queue in queueNames: {
  name: 'ma-${namePrefix}-deadletters-${queue}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Dead-lettered messages in ${queue}. See docs/runbook.md, "Dead letters".'
    severity: 1
    enabled: true
    scopes: [
      serviceBusId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'deadlettered'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                queue
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [for group in actionGroups: {
      actionGroupId: group
    }]
  }
}]

// 2. A stage is failing more often than transient faults explain.
resource stageFailureRate 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'sqr-${namePrefix}-stage-failure-rate'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'dscro-flows: stage failure rate'
    description: 'More than ${stageFailureRateThreshold} of a stage\'s executions failed in the last hour. See docs/runbook.md, "Stage failure rate".'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: loadTextContent('../monitoring/alert-stage-failure-rate.kql')
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'failure_rate'
          dimensions: [
            {
              name: 'stage'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: json(stageFailureRateThreshold)
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actionGroups
    }
  }
}

// 3. A DQ rule at fail severity failed: the report says which, and the data should not be published as is.
resource dqFail 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'sqr-${namePrefix}-dq-fail'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'dscro-flows: DQ rule failed'
    description: 'A data-quality rule at fail severity failed (metric dq.rule_fail). See docs/runbook.md, "DQ rule failed".'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    autoMitigate: false
    criteria: {
      allOf: [
        {
          query: loadTextContent('../monitoring/alert-dq-fail.kql')
          timeAggregation: 'Total'
          metricMeasureColumn: 'failures'
          dimensions: [
            {
              name: 'product'
              operator: 'Include'
              values: [
                '*'
              ]
            }
            {
              name: 'rule'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actionGroups
    }
  }
}

// 4. A flow went quiet: nothing landed within its expected interval. The query range is the interval itself
// (overrideQueryTimeRange); the rule is evaluated every six hours.
resource noExtractLanded 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for flow in items(expectedLandingIntervals): {
  name: 'sqr-${namePrefix}-no-extract-${flow.key}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'dscro-flows: no ${flow.key} extract within ${flow.value}'
    description: 'No ${flow.key} extract landed in raw/landing/${flow.key}/ within ${flow.value}. See docs/runbook.md, "No extract landed".'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT6H'
    windowSize: 'PT6H'
    overrideQueryTimeRange: flow.value
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: replace(loadTextContent('../monitoring/alert-no-extract-landed.kql'), '{{flow}}', flow.key)
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actionGroups
    }
  }
}]
