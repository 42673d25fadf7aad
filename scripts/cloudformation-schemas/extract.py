#!/usr/bin/env python3
"""Writes the CloudFormation resource schemas `pipectl export` uses to schemas/cloudformation/.

Source: the resource provider schemas AWS publishes for the CloudFormation registry (us-east-1), as the
AWS CloudFormation Linter (cfn-lint, github.com/aws-cloudformation/cfn-lint, pip install cfn-lint) bundles
them. The npm package @aws-cdk/aws-service-spec holds the same types but drops the patterns and enums, which
the check needs. Only the types the template uses are written, so the test tier needs no network.

    python3 scripts/cloudformation-schemas/extract.py   # after `pip install -U cfn-lint`
"""
import json
import os
import sys

from cfnlint.schema import PROVIDER_SCHEMA_MANAGER
import cfnlint.version

TYPES = [
    "AWS::CloudFront::Distribution",
    "AWS::CloudFront::Function",
    "AWS::CloudFront::OriginAccessControl",
    "AWS::CodeBuild::Project",
    "AWS::CodeBuild::ReportGroup",
    "AWS::CodeCommit::Repository",
    "AWS::CodePipeline::Pipeline",
    "AWS::CodeStarConnections::Connection",
    "AWS::ECR::Repository",
    "AWS::Events::Rule",
    "AWS::IAM::Role",
    "AWS::S3::Bucket",
    "AWS::S3::BucketPolicy",
    "AWS::SNS::Subscription",
    "AWS::SNS::Topic",
]
REGION = "us-east-1"


def main() -> int:
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "cloudformation")
    os.makedirs(out, exist_ok=True)
    for type_name in TYPES:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, type_name).schema
        path = os.path.join(out, type_name.replace("::", "-") + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(schema, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{path}: {type_name}")
    with open(os.path.join(out, "SOURCE"), "w", encoding="utf-8") as f:
        f.write(f"CloudFormation registry resource schemas, region {REGION}, as bundled by cfn-lint {cfnlint.version.__version__}.\n")
        f.write("Regenerate: python3 scripts/cloudformation-schemas/extract.py\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
