export const lambdaHandler = async (event:any): Promise<any> => {
    console.log('Triggered');
};
