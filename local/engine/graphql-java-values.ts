import { type ASTNode, Kind, type ValueNode } from 'graphql';

/**
 * graphql-java's `Value.toString()`, which AppSync quotes in a WrongType error, e.g.
 * `argument 'data' with value 'ObjectValue{objectFields=[ObjectField{name='upvotes', value=IntValue{value=10}}]}'
 * is not a valid 'AWSJSON'` (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554).
 */
export function javaValue(node: ValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${String(node.value)}}`;
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(javaValue).join(', ')}]}`;
    case Kind.OBJECT: {
      const fields = node.fields.map((field) => `ObjectField{name='${field.name.value}', value=${javaValue(field.value)}}`);
      return `ObjectValue{objectFields=[${fields.join(', ')}]}`;
    }
  }
}

/**
 * How graphql-java names the part of an argument that is wrong: the argument, then `.field` for each input
 * object field and `[i]` for each list item down to the value (its ArgumentValidationUtil).
 * `chain` runs from the Argument node to the value, both included.
 */
export function argumentPath(chain: readonly ASTNode[]): string {
  let text = '';
  chain.forEach((node, index) => {
    if (node.kind === Kind.ARGUMENT) text = node.name.value;
    else if (node.kind === Kind.OBJECT_FIELD) text += `.${node.name.value}`;
    else if (node.kind === Kind.LIST) {
      const item = chain[index + 1];
      if (item) text += `[${node.values.indexOf(item as ValueNode)}]`;
    }
  });
  return text;
}

/**
 * A variable's value as a Java object prints (`{a=1, b=[x, y]}`): AppSync quotes it that way when a scalar cannot
 * parse it (https://github.com/aws-amplify/amplify-android/issues/590).
 */
export function javaText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${key}=${javaText(item)}`).join(', ')}}`;
  }
  return String(value);
}
