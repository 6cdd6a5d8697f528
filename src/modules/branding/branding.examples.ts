/** Examples for the OpenAPI document. */
export const brandingExample = {
  organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  displayName: 'Northwind Agency',
  primaryColor: '#0b3d91',
  accentColor: '#f97316',
  emailSenderName: 'Northwind Reports',
  logo: { contentType: 'image/png', width: 240, height: 80, bytes: 5_812, updatedAt: '2026-12-06T09:12:44.120Z' },
};
export const brandingUpdateExamples = [
  { displayName: 'Northwind Agency', primaryColor: '#0b3d91', accentColor: '#f97316' },
  { emailSenderName: 'Northwind Reports' },
];
