/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation RefreshToken {\n  refreshToken {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}\n\nquery SignedInUser {\n  me {\n    id\n    email\n    roles\n  }\n}": typeof types.RefreshTokenDocument,
    "query Approvals {\n  approvalQueue {\n    ...BoardRow\n    plan {\n      revision\n      compensation\n      approvals {\n        role\n      }\n    }\n  }\n}": typeof types.ApprovalsDocument,
    "fragment BoardRow on Complaint {\n  id\n  number\n  receivedAt\n  channel\n  kind\n  category\n  status\n  ownerId\n  grade {\n    code\n    rank\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n  nearestClock {\n    kind\n    state\n    warnAt\n    dueAt\n    remainingSeconds\n  }\n}\n\nquery Board($filter: ComplaintFilter, $orderBy: ComplaintOrder, $first: Int, $after: String) {\n  complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...BoardRow\n      }\n    }\n  }\n}\n\nquery BoardGrades {\n  tenant {\n    policy {\n      policyId\n      version\n    }\n  }\n  policies {\n    id\n    version\n    grades {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n    }\n  }\n}\n\nsubscription BoardClockAlerts {\n  clockAlerts {\n    complaintId\n    clockId\n    kind\n    occasion\n    dueAt\n    at\n  }\n}": typeof types.BoardRowFragmentDoc,
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}": typeof types.LogInDocument,
    "mutation RegisterComplaint($input: SubmitComplaintInput!) {\n  submitComplaint(input: $input) {\n    id\n    number\n    duplicateOf\n    grade {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n      reason\n    }\n    urgency {\n      urgent\n      safetyHazard\n      majorServiceFailure\n      angryCustomer\n    }\n  }\n}\n\nquery IntakeCategories {\n  categories {\n    code\n    parentCode\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n}": typeof types.RegisterComplaintDocument,
};
const documents: Documents = {
    "mutation RefreshToken {\n  refreshToken {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}\n\nquery SignedInUser {\n  me {\n    id\n    email\n    roles\n  }\n}": types.RefreshTokenDocument,
    "query Approvals {\n  approvalQueue {\n    ...BoardRow\n    plan {\n      revision\n      compensation\n      approvals {\n        role\n      }\n    }\n  }\n}": types.ApprovalsDocument,
    "fragment BoardRow on Complaint {\n  id\n  number\n  receivedAt\n  channel\n  kind\n  category\n  status\n  ownerId\n  grade {\n    code\n    rank\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n  nearestClock {\n    kind\n    state\n    warnAt\n    dueAt\n    remainingSeconds\n  }\n}\n\nquery Board($filter: ComplaintFilter, $orderBy: ComplaintOrder, $first: Int, $after: String) {\n  complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...BoardRow\n      }\n    }\n  }\n}\n\nquery BoardGrades {\n  tenant {\n    policy {\n      policyId\n      version\n    }\n  }\n  policies {\n    id\n    version\n    grades {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n    }\n  }\n}\n\nsubscription BoardClockAlerts {\n  clockAlerts {\n    complaintId\n    clockId\n    kind\n    occasion\n    dueAt\n    at\n  }\n}": types.BoardRowFragmentDoc,
    "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}": types.LogInDocument,
    "mutation RegisterComplaint($input: SubmitComplaintInput!) {\n  submitComplaint(input: $input) {\n    id\n    number\n    duplicateOf\n    grade {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n      reason\n    }\n    urgency {\n      urgent\n      safetyHazard\n      majorServiceFailure\n      angryCustomer\n    }\n  }\n}\n\nquery IntakeCategories {\n  categories {\n    code\n    parentCode\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n}": types.RegisterComplaintDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshToken {\n  refreshToken {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}\n\nquery SignedInUser {\n  me {\n    id\n    email\n    roles\n  }\n}"): (typeof documents)["mutation RefreshToken {\n  refreshToken {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}\n\nquery SignedInUser {\n  me {\n    id\n    email\n    roles\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Approvals {\n  approvalQueue {\n    ...BoardRow\n    plan {\n      revision\n      compensation\n      approvals {\n        role\n      }\n    }\n  }\n}"): (typeof documents)["query Approvals {\n  approvalQueue {\n    ...BoardRow\n    plan {\n      revision\n      compensation\n      approvals {\n        role\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BoardRow on Complaint {\n  id\n  number\n  receivedAt\n  channel\n  kind\n  category\n  status\n  ownerId\n  grade {\n    code\n    rank\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n  nearestClock {\n    kind\n    state\n    warnAt\n    dueAt\n    remainingSeconds\n  }\n}\n\nquery Board($filter: ComplaintFilter, $orderBy: ComplaintOrder, $first: Int, $after: String) {\n  complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...BoardRow\n      }\n    }\n  }\n}\n\nquery BoardGrades {\n  tenant {\n    policy {\n      policyId\n      version\n    }\n  }\n  policies {\n    id\n    version\n    grades {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n    }\n  }\n}\n\nsubscription BoardClockAlerts {\n  clockAlerts {\n    complaintId\n    clockId\n    kind\n    occasion\n    dueAt\n    at\n  }\n}"): (typeof documents)["fragment BoardRow on Complaint {\n  id\n  number\n  receivedAt\n  channel\n  kind\n  category\n  status\n  ownerId\n  grade {\n    code\n    rank\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n  nearestClock {\n    kind\n    state\n    warnAt\n    dueAt\n    remainingSeconds\n  }\n}\n\nquery Board($filter: ComplaintFilter, $orderBy: ComplaintOrder, $first: Int, $after: String) {\n  complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...BoardRow\n      }\n    }\n  }\n}\n\nquery BoardGrades {\n  tenant {\n    policy {\n      policyId\n      version\n    }\n  }\n  policies {\n    id\n    version\n    grades {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n    }\n  }\n}\n\nsubscription BoardClockAlerts {\n  clockAlerts {\n    complaintId\n    clockId\n    kind\n    occasion\n    dueAt\n    at\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}"): (typeof documents)["mutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    token\n    tenant {\n      id\n      slug\n      name\n    }\n    user {\n      id\n      email\n      roles\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterComplaint($input: SubmitComplaintInput!) {\n  submitComplaint(input: $input) {\n    id\n    number\n    duplicateOf\n    grade {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n      reason\n    }\n    urgency {\n      urgent\n      safetyHazard\n      majorServiceFailure\n      angryCustomer\n    }\n  }\n}\n\nquery IntakeCategories {\n  categories {\n    code\n    parentCode\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n}"): (typeof documents)["mutation RegisterComplaint($input: SubmitComplaintInput!) {\n  submitComplaint(input: $input) {\n    id\n    number\n    duplicateOf\n    grade {\n      code\n      rank\n      nameZh: name(locale: \"zh\")\n      nameEn: name(locale: \"en\")\n      reason\n    }\n    urgency {\n      urgent\n      safetyHazard\n      majorServiceFailure\n      angryCustomer\n    }\n  }\n}\n\nquery IntakeCategories {\n  categories {\n    code\n    parentCode\n    nameZh: name(locale: \"zh\")\n    nameEn: name(locale: \"en\")\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;