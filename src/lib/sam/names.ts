// CloudFormation logical IDs: letters and digits only, unique in the template.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
export function logicalId(...parts: string[]): string {
  const id = parts
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .filter((w, i, all) => i === 0 || w !== all[i - 1]) // "orders queue" + "queue": OrdersQueue
    .join('');
  return /^[A-Za-z]/.test(id) ? id : `R${id}`;
}

export const ref = (id: string) => ({ Ref: id });
export const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
